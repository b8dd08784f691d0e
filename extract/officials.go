package extract

import (
	"fangtan/internal/han"
	"sort"
	"strings"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
)

// positionWords end an official's position as written: 小店区委书记,
// 副市长, 统战部部长. Longer words win (总书记 over 书记).
var positionWords = []string{
	"总书记", "副书记", "书记", "常委",
	"常务副省长", "副省长", "省长", "常务副市长", "副市长", "市长",
	"常务副区长", "副区长", "区长", "常务副县长", "副县长", "县长",
	"副镇长", "镇长", "副乡长", "乡长", "副州长", "州长", "旗长", "盟长",
	"副局长", "局长", "副主任", "主任", "副部长", "部长", "副主委", "主委",
	"副厅长", "厅长", "副主席", "主席", "副总理", "总理", "副委员长", "委员长",
	"副秘书长", "秘书长", "副院长", "院长", "检察长", "副处长", "处长", "科长",
	"署长", "司长", "行政长官", "特首", "立法会议员", "议员", "发言人", "大使",
	"政委", "司令员", "组长",
}

// positionsByLast indexes positionWords by their last rune, longest first,
// so a scan can ask "does a position word end here?" cheaply.
var positionsByLast = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	words := append([]string(nil), positionWords...)
	sort.SliceStable(words, func(i, j int) bool {
		return utf8.RuneCountInString(words[i]) > utf8.RuneCountInString(words[j])
	})
	for _, w := range words {
		r := []rune(w)
		last := r[len(r)-1]
		m[last] = append(m[last], r)
	}
	return m
}()

// positionEndingAt returns the length in runes of the position word that
// ends just before end, or 0.
func positionEndingAt(text []rune, end int) int {
	if end <= 0 || end > len(text) {
		return 0
	}
	for _, w := range positionsByLast[text[end-1]] {
		if len(w) <= end && equalRunes(text[end-len(w):end], w) {
			return len(w)
		}
	}
	return 0
}

// positionsByFirst indexes positionWords by their first rune, longest first.
var positionsByFirst = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, ws := range positionsByLast {
		for _, w := range ws {
			m[w[0]] = append(m[w[0]], w)
		}
	}
	for _, ws := range m {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	return m
}()

// positionStartingAt returns the length of the position word that starts
// at i, or 0.
func positionStartingAt(text []rune, i int) int {
	if i >= len(text) {
		return 0
	}
	for _, w := range positionsByFirst[text[i]] {
		if i+len(w) <= len(text) && equalRunes(text[i:i+len(w)], w) {
			return len(w)
		}
	}
	return 0
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// surnames are the common single-rune family names. Surnames that are
// mostly something else in official prose (区, 党, 原, 全, 国, 常…) are left
// out: a name after a position word must start with one of these unless
// jieba itself tags it as a person.
var surnames = func() map[rune]bool {
	const s = "阎司王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔向汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤穆农卓古吉缪简车项连芦麦褚娄窦戚岑景费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺厉伊仝郜阚权帅屠豆朴盖练廉禹井祖漆巴丰卿狄索晋扈晁芮阙浦戈鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜逯隆茹诸慕玉银亢嵇哈湛戎勾茅於揭尉冶斯束檀昝幸奉衡尧闭习"
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}()

var compoundFamilyNames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "端木", "独孤", "南宫", "西门"}

// notNames are words that start with a surname rune but are not names.
var notNames = map[string]bool{
	"同志": true, "一行": true, "等人": true, "高度": true, "全体": true, "全市": true,
	"表示": true, "指出": true, "强调": true, "出席": true, "主持": true, "要求": true,
	"介绍": true, "带领": true, "任务": true, "江山": true, "于是": true, "方面": true,
	"方式": true, "向前": true, "万家": true, "马上": true, "白天": true,
	"金融": true, "石油": true, "宋体": true, "孙子": true, "严格": true, "严重": true,
	"黄金": true, "龙头": true, "钱财": true, "武装": true, "温暖": true,
	"康复": true, "齐心": true, "安全": true, "庄严": true, "华夏": true, "华北": true,
	"华东": true, "华中": true, "华南": true, "华为": true, "包括": true, "包容": true,
	"宁可": true, "曲折": true, "解决": true, "谷物": true, "柏油": true, "宗旨": true,
	"卫生": true, "米面": true, "游客": true, "路线": true, "程序": true, "苏醒": true,
	"杜绝": true, "叶子": true, "余额": true, "范围": true, "贾府": true,
	"夏季": true, "付出": true, "方案": true, "方向": true, "方法": true, "方便": true,
	"白色": true, "邹平": true, "孟子": true, "熊猫": true, "江河": true, "尹某": true,
	"段落": true, "龙江": true, "史料": true, "陶瓷": true, "顾问": true, "毛病": true,
	"龚某": true, "钱款": true, "武器": true, "莫名": true, "孔子": true, "向着": true,
	"汤圆": true, "施工": true, "施策": true, "牛奶": true, "葛根": true, "齐抓": true,
	"易于": true, "章程": true, "岳父": true, "申请": true, "申报": true,
	"关于": true, "关注": true, "关心": true, "关键": true, "兰花": true, "焦点": true,
	"左右": true, "柳树": true, "甘肃": true, "包装": true, "宁夏": true, "尚未": true,
	"符合": true, "舒适": true, "纪律": true, "纪念": true, "纪委": true, "梅花": true,
	"童年": true, "凌晨": true, "毕业": true, "单位": true, "季度": true, "霍乱": true,
	"涂料": true, "苗木": true, "谷底": true, "盛会": true, "盛况": true, "曲线": true,
	"路径": true, "管理": true, "管控": true, "蒙古": true, "华侨": true, "房屋": true,
	"屈指": true, "解放": true, "艾滋": true, "穆斯林": true, "农村": true, "农业": true,
	"农民": true, "农产品": true, "卓越": true, "古代": true, "吉祥": true, "简化": true,
	"车辆": true, "项目": true, "连续": true, "景区": true, "费用": true, "冷链": true,
	"席位": true, "卫星": true, "宗教": true, "边境": true, "仲裁": true, "荣誉": true,
	"桑拿": true, "郁闷": true, "班子": true, "燕山": true, "楚国": true, "劳动": true,
	"皮肤": true, "厉害": true, "伊拉克": true, "权力": true, "权益": true, "帅气": true,
	"豆腐": true, "盖章": true, "练习": true, "廉洁": true, "廉政": true, "井冈山": true,
	"祖国": true, "巴西": true, "丰富": true, "索要": true, "晋升": true, "薄弱": true,
	"雍正": true, "乌克兰": true, "母亲": true, "修改": true, "修订": true, "赫然": true,
	"杭州": true, "况且": true, "宿舍": true, "鲜明": true, "隆重": true, "诸多": true,
	"慕名": true, "银行": true, "哈尔滨": true, "戎装": true, "茅台": true, "揭牌": true,
	"斯里兰卡": true, "哈萨克": true, "哈萨克斯坦": true, "阿斯塔纳": true,
	"黎巴嫩": true, "马来西亚": true, "马尔代夫": true, "马里": true, "马达加斯加": true,
	"巴基斯坦": true, "巴拿马": true, "巴林": true, "巴勒斯坦": true, "古巴": true, "伊朗": true,
	"伊斯兰": true, "孟加拉": true, "毛里求斯": true, "乌兹别克斯坦": true, "苏丹": true, "白俄罗斯": true,
	"莫斯科": true, "华盛顿": true, "巴黎": true, "柏林": true, "金边": true, "万象": true, "马尼拉": true,
	"吉隆坡": true, "华沙": true, "温哥华": true, "巴格达": true, "莫桑比克": true, "科摩罗": true,
	"毛里塔尼亚": true, "令人": true, "宣言": true, "白宫": true, "卢旺达": true, "卢森堡": true, "叶门": true, "朝鲜": true, "越南": true, "江苏省": true, "幸福": true, "奉献": true, "衡量": true, "习惯": true,
	"江苏": true, "江西": true, "黄河": true, "黎明": true, "贺信": true, "贺电": true,
	"顾客": true, "郝某": true, "万人": true, "龙门": true, "邵阳": true, "严峻": true,
	"石家庄": true, "秦岭": true, "韩国": true, "林业": true, "林区": true,
	"杨柳": true, "周边": true, "周年": true, "周末": true, "周期": true, "徐州": true,
	"孙女": true, "马路": true, "朱红": true, "胡同": true, "何时": true, "罗马": true,
	"郑州": true, "梁山": true, "谢谢": true, "唐山": true, "许多": true, "许可": true,
	"冯某": true, "曹操": true, "彭湃": true, "曾经": true, "肖像": true,
	"田间": true, "田野": true, "董事": true, "潘家": true, "于今": true, "蒋介石": true,
	"蔡某": true, "余下": true, "程度": true, "苏联": true, "魏某": true, "吕梁": true,
	"丁香": true, "任何": true, "任职": true, "沈阳": true, "姚某": true, "卢某": true,
	"姜某": true, "钟点": true, "谭某": true, "陆续": true, "陆地": true, "汪某": true,
	"金额": true, "石头": true, "廖某": true, "贾某": true, "韦某": true, "付款": true,
	"王府": true, "李子": true, "张家": true, "刘家": true, "陈列": true, "杨家": true,
	"黄色": true, "赵家": true, "吴某": true, "周围": true, "徐徐": true, "孙家": true,
	"马克思": true, "朱家": true, "胡萝卜": true, "郭家": true, "何况": true, "林立": true,
	"罗列": true, "郑重": true, "梁家": true, "谢绝": true, "宋代": true, "唐代": true,
	"韩某": true, "邓某": true, "曹某": true, "彭某": true, "曾某": true,
}

func isHan(r rune) bool { return han.Is(r) }

func allHanRunes(rs []rune) bool { return han.All(rs) }

// startsWithSurname reports whether name begins with a family name.
func startsWithSurname(name []rune) bool {
	if len(name) == 0 {
		return false
	}
	return surnames[name[0]] || hasCompoundSurname(name)
}

// nameStopWords end a name written without spaces: the verb, particle or
// time word after it (马常春说, 李慧就, 薛东晓出席, 林郑月娥今日).
var nameStopWords = func() map[rune][]string {
	words := []string{
		"说", "在", "就", "等", "到", "和", "与", "的", "是", "对", "向", "为", "了", "也", "将", "已", "于",
		"从", "给", "把", "被", "并", "又", "还", "再", "都", "均", "曾", "讲", "称", "率", "们", "之", "及",
		"表示", "指出", "强调", "介绍", "出席", "带领", "主持", "提出", "要求", "今日", "今天", "昨天", "昨日",
		"日前", "近日", "会见", "考察", "调研", "出任", "当选", "签署", "宣布", "回应", "批评", "坦言",
		"前往", "访问", "视察", "参加", "参观", "高兴", "接受", "透露", "告诉", "同志", "一行", "等人",
		"表态", "认为", "谈到", "指导", "看望", "慰问", "听取", "讲话", "发表", "致辞", "致信", "回信",
		"作出", "作为", "来到", "深入", "先后", "分别", "代表", "一起", "共同", "亲自", "随后", "首先",
		"上任", "任职", "表彰", "获得", "获", "被指", "质疑", "承认", "否认", "解释", "补充", "笑", "感慨",
		"作", "同", "监督", "监誓", "应邀", "向", "致", "会谈", "通电话", "举行", "指", "则", "亦", "更", "却",
		"她", "他", "我", "你", "您", "它",
	}
	m := map[rune][]string{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

func stopWordAt(rs []rune, i int) bool {
	for _, w := range nameStopWords[rs[i]] {
		if runesHasPrefix(rs[i:], w) {
			return true
		}
	}
	return false
}

// tagSpan is a jieba segment in rune offsets.
type tagSpan struct {
	start, end int
	tag        string
}

// tagged is a folded text with its runes and (when a segmenter is present)
// its jieba segments by start rune.
type tagged struct {
	runes   []rune
	byStart *spanIndex
	byEnd   *spanIndex
	words   []string // the segments' texts, for keyword ranking
}

func newTagged(seg analyzer.Segmenter, folded string) *tagged {
	t := &tagged{runes: []rune(folded)}
	if seg == nil {
		return t
	}
	segs := seg.Tag(folded)
	t.words = make([]string, len(segs))
	for i, s := range segs {
		t.words[i] = s.Text
	}
	spans := make([]tagSpan, 0, len(segs))
	t.byStart = &spanIndex{at: make([]int32, len(t.runes)+1)}
	t.byEnd = &spanIndex{at: make([]int32, len(t.runes)+1)}
	// Convert byte offsets to rune offsets in one pass.
	bytePos, runePos := 0, 0
	toRune := func(b int) int {
		for bytePos < b && bytePos < len(folded) {
			_, w := utf8.DecodeRuneInString(folded[bytePos:])
			bytePos += w
			runePos++
		}
		return runePos
	}
	for _, s := range segs {
		if s.Start < bytePos {
			continue // out of order; keep what we have
		}
		st := toRune(s.Start)
		en := toRune(s.End)
		sp := tagSpan{st, en, s.Tag}
		spans = append(spans, sp)
		t.byStart.at[st] = int32(len(spans))
		t.byEnd.at[en] = int32(len(spans))
	}
	t.byStart.spans, t.byEnd.spans = spans, spans
	return t
}

// spanIndex finds the segment starting (or ending) at a rune offset. It
// replaced two maps per paragraph, which were a quarter of the bytes that
// extraction allocated and a tenth of its CPU.
type spanIndex struct {
	spans []tagSpan
	at    []int32 // at[i]-1 indexes spans; 0: no segment there
}

func (x *spanIndex) get(i int) (tagSpan, bool) {
	if i < 0 || i >= len(x.at) || x.at[i] == 0 {
		return tagSpan{}, false
	}
	return x.spans[x.at[i]-1], true
}

func isPersonTag(tag string) bool { return strings.HasPrefix(tag, "nr") }

// nameAt returns the length of a person's name starting at rune i, or 0.
// A name is a family name and one to three more runes, up to the verb,
// particle or position word that follows it; four runes only for compound
// or double family names (欧阳…, 林郑月娥). jieba, when present, vetoes
// names that start a dictionary word (高度重视 after 书记) and shortens a
// name that runs into one (李明深入 → 李明), but its person tags are not
// trusted to draw the boundary: it cuts 陈家/强说 and 张/秀英.
func (t *tagged) nameAt(i int) int {
	rs := t.runes
	if i >= len(rs) || !isHan(rs[i]) {
		return 0
	}
	personWord := false
	if t.byStart != nil {
		sp, ok := t.byStart.get(i)
		if !ok {
			return 0 // i is inside a word
		}
		personWord = isPersonTag(sp.tag)
		// 张/q 病床/n: a lone surname rune followed by a dictionary word of its
		// own is a measure word or a verb, not a name.
		if sp.end-sp.start == 1 && !personWord {
			if next, ok := t.byStart.get(i + 1); ok && next.end-next.start >= 2 && next.tag != "x" && !isPersonTag(next.tag) {
				return 0
			}
		}
		if n := sp.end - sp.start; n >= 2 && !personWord && sp.tag != "x" {
			return 0
		}
	}
	if !personWord && !startsWithSurname(rs[i:]) {
		return 0
	}
	// 向朱克伯格提问, 对李某表示: a preposition before a name.
	if strings.ContainsRune("向对跟给同与和", rs[i]) && i+1 < len(rs) && startsWithSurname(rs[i+1:]) {
		return 0
	}
	maxLen := 3
	if (i+1 < len(rs) && surnames[rs[i+1]] && surnames[rs[i]]) || hasCompoundSurname(rs[i:]) {
		maxLen = 4
	}
	n := 1
	for n < maxLen && i+n < len(rs) && isHan(rs[i+n]) && !stopWordAt(rs, i+n) && positionStartingAt(rs, i+n) == 0 {
		n++
	}
	if t.byStart != nil {
		if sp, _ := t.byStart.get(i); isPersonTag(sp.tag) && allHanRunes(rs[sp.start:sp.end]) {
			m := sp.end - sp.start
			switch {
			case m > n && m <= 4:
				n = m // 魏凤和/nr: jieba knows the whole name
			case m >= 2 && m < n:
				// 李强/nr 作/v 报告: the rune after jieba's name is a function word
				// (but 李家/nr 超/v is 李家超).
				if next, ok := t.byStart.get(sp.end); ok && next.end-next.start == 1 && strings.ContainsRune("作同向在和与对就为将已率等说也都还又再到于给从把被", rs[next.start]) {
					n = m
				}
			}
		}
		for k := n - 1; k >= 2; k-- {
			if sp, ok := t.byStart.get(i + k); ok && sp.end-sp.start >= 2 && sp.tag != "x" && !isPersonTag(sp.tag) && sp.end > i+n {
				n = k // the rest is a word of its own: 李明/深入
			}
		}
	}
	// Transliterated names run on (古特雷斯, 内塔尼亚胡, 马特维耶夫).
	if n >= 2 && allTranslit(rs[i+1:i+n]) {
		for n < 7 && i+n < len(rs) && strings.ContainsRune(translitRunes, rs[i+n]) && !stopWordAt(rs, i+n) {
			n++
		}
	}
	if n < 2 || notNames[string(rs[i:i+n])] || notNames[string(rs[i:i+2])] || numerals(rs[i:i+n]) {
		return 0
	}
	return n
}

// numerals: 二十大, 十四五 are no names; one numeral in a given name is
// (王一博).
func numerals(name []rune) bool {
	const digits = "一二三四五六七八九十百千万亿零两第"
	n := 0
	for _, r := range name {
		if strings.ContainsRune(digits, r) {
			n++
		}
	}
	return n >= 2 || (n == 1 && strings.ContainsRune(digits, name[0]) && !surnames[name[0]])
}

// translitRunes spell foreign names in Chinese.
const translitRunes = "雷提迪帕列斯亚胡夫耶娃诺维奇基科拉尔特德里尼洛罗姆布森顿伊恩格卡塔利纳埃安菲普萨西莱蒂芬兹茨沃瓦约杰乔艾奥泽佐切丹克索赫贝巴瑟舍尤米玛蒙默穆莫"

func allTranslit(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune(translitRunes, r) {
			return false
		}
	}
	return len(rs) > 0
}

func hasCompoundSurname(rs []rune) bool {
	s := string(rs[:min(len(rs), 2)])
	for _, c := range compoundFamilyNames {
		if s == c && len(rs) > 2 {
			return true
		}
	}
	return false
}

// titleStop are runes before which a position's text cannot extend
// leftwards: 这是…, 分管工业的副区长, ——记山西省…, 专访…
const titleStop = "是的访由与在对向说了讯到据将被请让派给见和等即系为任记于率应就但遭又指名同有致"

// titleStopUnless are title stops that begin org words when followed by
// one of the given runes.
var titleStopUnless = map[rune]string{'应': "急", '就': "业", '指': "挥导", '名': "誉", '有': "限", '致': "公"}

// titleBefore returns where the position that ends at end begins: it walks
// left over the units of a compound title (太原市委常委、小店区委书记), and
// stops at punctuation, at a verb or particle, or at a 、 that follows a
// name rather than a position (民革市委主委陈继光、民盟市委主委阎美蓉).
func titleBefore(t *tagged, end int) int {
	rs := t.runes
	start := end
	for start > 0 && end-start < 60 {
		r := rs[start-1]
		if t.byEnd != nil && start < end && t.verbBefore(start) {
			break
		}
		switch {
		case r == '、' && positionEndingAt(rs, start-1) > 0:
			start--
		case isHan(r) && !isTitleStop(rs, start-1):
			start--
		default:
			return trimTitleStart(rs, start, end)
		}
	}
	return trimTitleStart(rs, start, end)
}

// orgSuffixWords follow a verb inside an org's name (学习/v 委员会).
var orgSuffixWords = map[string]bool{"委员会": true, "会": true, "局": true, "部": true, "办": true,
	"组": true, "中心": true, "院": true, "所": true, "厅": true, "处": true, "小组": true, "办公室": true}

// titleBreakingVerbs are the verbs that end the text before a position;
// jieba tags many org-name parts as verbs too (学习/v 委员会, 中/联办/v), so
// only these count.
var titleBreakingVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`相信 询问 接纳 采纳 播放 发表 表示 认为 会见 出席 陪同 主持 听取 看望 慰问
		率领 接受 邀请 批评 质疑 要求 希望 指出 强调 介绍 宣布 任命 委任 当选 担任 出任 包括 联同 会同
		致电 致信 签署 批准 同意 支持 反对 回应 访问 视察 考察 调研 感谢 称赞 会晤 会谈 约见 接见 祝贺
		报道 透露 否认 承认 去信 去函 致函 表扬 批示 带领 跟随 同行 见到 遇到 问及 质询 炮轰 狠批 促请
		要求 呼吁 提醒 告诉 回复 答复 讲话 发言 说明 解释 探望 拜会 拜访 参加 参与 走访 前往
		调查 用作 收取 收受 无视 引渡 认识 处理 不计 去信 致函 控告 起诉 指控 狙击 弹劾 罢免 质问
		播出 播放 刊发 刊登 转发 发来 收到 带有 讽刺 欢迎 违反 代表 导致 游说 会面 面见 约晤 不满 炮轰 斥责 谴责 揶揄 反驳 力撑 支持者 联署 要求者`) {
		m[w] = true
	}
	return m
}()

// verbBefore: the jieba word ending at i is a verb, preposition, adverb,
// time word or conjunction of its own (相信特首…, 至于财委会主席…, 接纳港大校委会主席…),
// so a position written after it does not extend over it.
func (t *tagged) verbBefore(i int) bool {
	sp, ok := t.byEnd.get(i)
	if !ok {
		return false
	}
	if sp.end-sp.start == 1 {
		// 应国家主席…之邀: a one-rune preposition; 和, 及, 与 join org names.
		return sp.tag == "p" && !strings.ContainsRune("和及与", t.runes[sp.start])
	}
	switch {
	case sp.tag == "v" || sp.tag == "vn":
		return titleBreakingVerbs[string(t.runes[sp.start:sp.end])]
	case sp.tag == "p", sp.tag == "c", sp.tag == "d", sp.tag == "r", sp.tag == "t", strings.HasPrefix(sp.tag, "u"):
		return true
	}
	return false
}

func isTitleStop(rs []rune, i int) bool {
	r := rs[i]
	if !strings.ContainsRune(titleStop, r) {
		return false
	}
	// 书记 and 主任 contain stop runes; so do 党的 and 和 in org names, which we
	// accept losing.
	if r == '记' && i > 0 && (rs[i-1] == '书' || rs[i-1] == '登') {
		return false
	}
	if r == '任' && i > 0 && (rs[i-1] == '主' || rs[i-1] == '责') {
		return false
	}
	if r == '书' {
		return false
	}
	// 应国家主席…邀请, but 应急管理局局长; 就民主党…议员, but 就业局局长;
	// 又指小组主席, but 指挥部总指挥; 另一名发言人, but 名誉主席.
	if guard, ok := titleStopUnless[r]; ok {
		return i+1 >= len(rs) || !strings.ContainsRune(guard, rs[i+1])
	}
	// 文化文史和学习委员会 is one org; 刘某和市长… joins two people.
	if r == '和' {
		return (i >= 2 && startsWithSurname(rs[i-2:i])) || (i >= 3 && startsWithSurname(rs[i-3:i]))
	}
	return true
}

// trimTitleStart keeps titles short enough to be positions: at most 40
// runes, cut at a 、 boundary.
func trimTitleStart(rs []rune, start, end int) int {
	for end-start > 40 {
		i := start
		for i < end && rs[i] != '、' {
			i++
		}
		if i >= end {
			return end - 40
		}
		start = i + 1
	}
	return start
}

// personInfo collects what an article says about one person.
type personInfo struct {
	name     string
	titles   map[string]int
	order    int // first mention, for a stable output order
	official bool
	subject  bool
}

// people is the per-article registry of named persons.
type people struct {
	byName map[string]*personInfo
	next   int
	text   string         // the whole article, folded, for counting mentions
	counts map[string]int // mentions memo: quotes ask about the same names again
	// answerer speaks the 答: turns: the one subject official, or nobody.
	answerer string
}

// mentions counts the occurrences of name in the article, once per name.
func (p *people) mentions(name string) int {
	if n, ok := p.counts[name]; ok {
		return n
	}
	if p.counts == nil {
		p.counts = map[string]int{}
	}
	n := strings.Count(p.text, name)
	p.counts[name] = n
	return n
}

func newPeople() *people { return &people{byName: map[string]*personInfo{}} }

func (p *people) note(name, title string, official bool) *personInfo {
	pi := p.byName[name]
	if pi == nil {
		pi = &personInfo{name: name, titles: map[string]int{}, order: p.next}
		p.next++
		p.byName[name] = pi
	}
	if title != "" {
		pi.titles[title]++
	}
	pi.official = pi.official || official
	return pi
}

// bestTitle is the most complete position: the longest, then the most
// often written, then the alphabetically first (for stable output).
func (pi *personInfo) bestTitle() string {
	best, bestN := "", 0
	for t, n := range pi.titles {
		lt, lb := utf8.RuneCountInString(t), utf8.RuneCountInString(best)
		if lt > lb || (lt == lb && (n > bestN || (n == bestN && t < best))) {
			best, bestN = t, n
		}
	}
	return best
}

// longestKnownNameEndingAt returns the start of the longest registered
// name that ends at end, or -1.
func (p *people) knownNameEndingAt(rs []rune, end int) int {
	best := -1
	for name := range p.byName {
		n := utf8.RuneCountInString(name)
		if n <= end && string(rs[end-n:end]) == name && (best < 0 || end-n < best) {
			best = end - n
		}
	}
	return best
}

func (p *people) knownNameStartingAt(rs []rune, i int) int {
	best := 0
	for name := range p.byName {
		n := utf8.RuneCountInString(name)
		if n > best && i+n <= len(rs) && string(rs[i:i+n]) == name {
			best = n
		}
	}
	return best
}

// findOfficials records every "position + name" in t (小店区委书记刘振华,
// 副市长、市公安局党委书记、局长葛波蔚).
func (p *people) findOfficials(t *tagged) {
	rs := t.runes
	for end := 1; end <= len(rs); end++ {
		n := positionEndingAt(rs, end)
		if n == 0 {
			continue
		}
		// 书记处, 主任委员, 常委会: the position word is part of a longer noun.
		if end < len(rs) && strings.ContainsRune("处会员", rs[end]) {
			continue
		}
		nl := t.nameAt(end)
		if nl == 0 {
			continue
		}
		// A name that runs into another position word is an org (书记员).
		if positionStartingAt(rs, end) > 0 {
			continue
		}
		start := titleBefore(t, end)
		title := string(rs[start:end])
		p.note(string(rs[end:end+nl]), title, true)
	}
}

// findTitledMentions records "name + position" (习近平总书记, 李慧书记) for
// names jieba tags as persons or names already known from the article.
func (p *people) findTitledMentions(t *tagged) {
	rs := t.runes
	for i := 2; i < len(rs); i++ {
		n := positionStartingAt(rs, i)
		if n == 0 {
			continue
		}
		title := string(rs[i : i+n])
		if s := p.knownNameEndingAt(rs, i); s >= 0 {
			p.note(string(rs[s:i]), title, true)
			continue
		}
		if t.byEnd == nil {
			continue
		}
		sp, ok := t.byEnd.get(i)
		if !ok || !isPersonTag(sp.tag) || sp.end-sp.start < 2 || sp.end-sp.start > 4 {
			continue
		}
		name := rs[sp.start:sp.end]
		// 阿斯塔纳市长: jieba tags places as persons too; only a Chinese
		// family name, or a name the article already gave, counts here.
		if allHanRunes(name) && !notNames[string(name)] && startsWithSurname(name) {
			p.note(string(name), title, true)
		}
	}
}

// officials lists the persons seen with a position: subjects first, then in
// order of first mention.
func (p *people) officials() []fangtan.Official {
	var list []*personInfo
	for _, pi := range p.byName {
		if pi.official && len(pi.titles) > 0 {
			list = append(list, pi)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].subject != list[j].subject {
			return list[i].subject
		}
		return list[i].order < list[j].order
	})
	out := make([]fangtan.Official, 0, len(list))
	for _, pi := range list {
		out = append(out, fangtan.Official{Name: pi.name, Title: p.cutAtOtherName(pi.bestTitle(), pi.name), Subject: pi.subject})
	}
	return out
}

// cutAtOtherName keeps what follows the last other person named inside a
// title (俄罗斯联邦会议国家杜马主席沃洛金和联邦委员会主席 → 联邦委员会主席).
func (p *people) cutAtOtherName(title, self string) string {
	cut := 0
	for name := range p.byName {
		if name == self || strings.Contains(self, name) {
			continue
		}
		if i := strings.LastIndex(title, name); i >= 0 && i+len(name) > cut {
			cut = i + len(name)
		}
	}
	if cut == 0 {
		return title
	}
	rest := strings.TrimLeft(title[cut:], "和与及、")
	if rest == "" {
		return title
	}
	return rest
}
