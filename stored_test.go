package fangtan

import (
	"reflect"
	"strings"
	"testing"
)

func TestStoredMeta(t *testing.T) {
	for _, d := range []Document{
		{ID: "a", Title: "标题", Text: "第一段\n第二段", Paragraphs: []string{"第一段", "第二段"}, Date: "2021-07-01"},
		{ID: "b", Text: "不分段的文字"},
		{ID: "c", Text: "x\ny", Paragraphs: []string{"不是", "原文"}}, // paragraphs that are not the text are kept whole
	} {
		t.Run(d.ID, func(t *testing.T) {
			in := d
			in.Quotes = []Quote{{Text: "要继续深化", Speaker: "张三"}}
			meta, err := EncodeMeta(&in)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(meta), "要继续深化") || (d.ID == "a" && strings.Contains(string(meta), "第二段")) {
				t.Errorf("the metadata holds the quotes or the text: %s", meta)
			}
			out, err := DecodeMeta(meta, d.Text)
			if err != nil {
				t.Fatal(err)
			}
			want := d
			want.Quotes = []Quote{}
			if !reflect.DeepEqual(*out, want) {
				t.Errorf("round trip: %+v, want %+v", *out, want)
			}
		})
	}
	if _, err := DecodeMeta([]byte(`{"id":"x","paragraph_lens":[5,-9]}`), "abc"); err == nil {
		t.Error("paragraph lengths past the text: no error")
	}
	if _, err := DecodeMeta([]byte(`{`), ""); err == nil {
		t.Error("damaged JSON: no error")
	}
}
