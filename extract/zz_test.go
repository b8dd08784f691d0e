package extract

import "testing"

func TestZZ(t *testing.T) {
	for _, ps := range [][]string{
		{"律政司司長鄭若驊今日回應僭建風波。", "公民黨郭家麒批評律政司處理不當。他強調：「律政司應該向公眾交代清楚。」"},
		{"律政司司長鄭若驊今日回應僭建風波。", "民主黨胡志偉批評律政司處理不當。他說：「律政司應該向公眾交代清楚。」"},
	} {
		d := extractText(t, "新闻", ps...)
		t.Logf("%v", d.Quotes)
	}
}
