package fangtan

import (
	"reflect"
	"testing"
)

func TestTextIsParagraphs(t *testing.T) {
	tests := []struct {
		paras []string
		text  string
		want  bool
	}{
		{nil, "", true},
		{nil, "x", false},
		{[]string{"刘振华", "口碑"}, "刘振华\n口碑", true},
		{[]string{"刘振华", ""}, "刘振华\n", true},
		{[]string{"刘振华", "口碑"}, "刘振华\n口碑\n", false},
		{[]string{"刘振华", "口碑"}, "刘振华口碑", false},
		{[]string{"刘振华", "口碑"}, "刘振华\n口", false},
	}
	for _, tt := range tests {
		d := Document{Paragraphs: tt.paras, Text: tt.text}
		if got := d.TextIsParagraphs(); got != tt.want {
			t.Errorf("TextIsParagraphs(%q, %q) = %v, want %v", tt.paras, tt.text, got, tt.want)
		}
	}
}

func TestNamedPosts(t *testing.T) {
	d := &Document{Officials: []Official{
		{Name: "王毅", Title: "国务委员兼外交部长"},
		{Name: "李强", Title: "国务院总理", Inferred: true},
		{Name: "张三"},
	}}
	var got []string
	for _, o := range d.NamedPosts() {
		got = append(got, o.Name+"/"+o.Title)
	}
	if want := []string{"王毅/国务委员兼外交部长", "张三/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("NamedPosts = %v, want %v", got, want)
	}
}

func TestOfficialLabel(t *testing.T) {
	for _, tc := range []struct {
		o    Official
		want string
	}{
		{Official{Name: "王毅", Title: "外交部长"}, "王毅(外交部长)"},
		{Official{Name: "王毅", Title: "外交部长", Inferred: true}, "王毅[外交部长]"},
		{Official{Name: "王毅"}, "王毅"},
		{Official{Name: "王毅", Inferred: true}, "王毅"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.o.Label(); got != tc.want {
				t.Errorf("Label() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCitedPost(t *testing.T) {
	for _, tc := range []struct {
		q    Quote
		want string
	}{
		{Quote{Speaker: "王毅", SpeakerTitle: "外交部长"}, "外交部长"},
		{Quote{Speaker: "王毅", SpeakerTitle: "外交部长", SpeakerTitleInferred: true}, "[外交部长]"},
		{Quote{Speaker: "王毅", SpeakerTitleInferred: true}, ""},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.q.CitedPost(); got != tc.want {
				t.Errorf("Quote.CitedPost() = %q, want %q", got, tc.want)
			}
			d := Document{ID: "d", Quotes: []Quote{tc.q}}
			if got := d.QuoteHit(0).CitedPost(); got != tc.want {
				t.Errorf("QuoteHit.CitedPost() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuoteWeight(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"港獨", 2.0 / 12},
		{"講「港獨」", 3.0 / 12},
		{"Hong Kong 2047", 12.0 / 12},
		{"我們反對港獨，也反對任何分裂國家的言論。", 1},
		{"……", 1.0 / 12},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := QuoteWeight(QuoteLength(tt.text)); got != tt.want {
				t.Errorf("QuoteWeight(QuoteLength(%q)) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestQuoteWithin: the words in quotation marks and the reported statement
// around them (hkcnews-7219's 陳健民, shortened, as extraction gives them)
// are one statement; another speaker's, another paragraph's or the same
// words are not.
func TestQuoteWithin(t *testing.T) {
	reported := QuoteHit{DocID: "a", Paragraph: 4, Speaker: "陈健民", Kind: QuoteReported,
		Text: "普選之路遙遠：「坦白說，為何說是搏一鋪，因為輸了之後，不知道何時何日先有普選。」"}
	direct := QuoteHit{DocID: "a", Paragraph: 4, Speaker: "陈健民", Kind: QuoteDirect,
		Text: "坦白說，為何說是搏一鋪，因為輸了之後，不知道何時何日先有普選。"}
	other := func(f func(*QuoteHit)) QuoteHit { h := direct; f(&h); return h }
	for _, c := range []struct {
		name  string
		inner QuoteHit
		outer QuoteHit
		want  bool
	}{
		{"the quoted words within the statement", direct, reported, true},
		{"not the statement within its words", reported, direct, false},
		{"punctuated otherwise", other(func(h *QuoteHit) {
			h.Text = "坦白說 為何說是搏一鋪 因為輸了之後 不知道何時何日先有普選"
		}), reported, true},
		{"another speaker's words", other(func(h *QuoteHit) { h.Speaker = "任美贞" }), reported, false},
		{"another paragraph", other(func(h *QuoteHit) { h.Paragraph = 5 }), reported, false},
		{"another article", other(func(h *QuoteHit) { h.DocID = "b" }), reported, false},
		{"the same words are not within", direct, direct, false},
		{"words the statement does not hold", other(func(h *QuoteHit) { h.Text = "不知道何時何日先有真普選" }), reported, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.inner.Within(c.outer); got != c.want {
				t.Errorf("Within = %v, want %v", got, c.want)
			}
		})
	}
}
