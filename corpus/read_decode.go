package corpus

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// errUnreadable reasons are shown to the user next to the file's path.
var (
	errEmpty       = errors.New("empty file")
	errBinary      = errors.New("binary file (NUL or control bytes), not text")
	errUndecodable = errors.New("text is neither UTF-8, GB18030/GBK nor Big5")
)

// decodeText turns raw file bytes into UTF-8 text with "\n" line ends.
// isHTML lets a <meta charset> decide before guessing.
func decodeText(raw []byte, isHTML bool) (string, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", errEmpty
	}
	var text string
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		text = string(raw[3:])
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return "", errUndecodable
		}
		text = string(out)
	default:
		head := raw
		if len(head) > 8192 {
			head = head[:8192]
		}
		if bytes.IndexByte(head, 0) >= 0 {
			return "", errBinary
		}
		var err error
		text, err = guessDecode(raw, isHTML)
		if err != nil {
			return "", err
		}
	}
	if looksBinary(text) {
		return "", errBinary
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return "", errEmpty
	}
	return text, nil
}

// guessDecode tries UTF-8, then an HTML page's declared charset, then
// GB18030 and Big5, keeping the decoding whose characters are the most
// common Chinese ones. Both legacy encodings accept most byte pairs, so
// validity alone cannot tell them apart; the wrong one yields rare glyphs.
func guessDecode(raw []byte, isHTML bool) (string, error) {
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	// A download cut off in the middle of its last character is still UTF-8.
	if cut := trimPartialRune(raw); len(cut) < len(raw) && utf8.Valid(cut) {
		return string(cut), nil
	}
	if isHTML {
		if enc, name, certain := charset.DetermineEncoding(raw, "text/html"); certain && name != "utf-8" && enc != nil {
			if out, err := enc.NewDecoder().Bytes(raw); err == nil {
				return string(out), nil
			}
		}
	}
	best, bestScore := "", -1.0
	for _, enc := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			continue
		}
		s := string(out)
		if score := commonHanScore(s); score > bestScore {
			best, bestScore = s, score
		}
	}
	if bestScore < 0.2 {
		return "", errUndecodable
	}
	return best, nil
}

// commonHanScore is the share of a text's Han characters that are common
// ones, minus a penalty for replacement characters.
func commonHanScore(s string) float64 {
	var han, common, bad int
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			bad++
		case r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF:
			han++
			if _, ok := commonHan[r]; ok {
				common++
			}
		}
	}
	if han == 0 {
		return 0
	}
	return float64(common)/float64(han) - 5*float64(bad)/float64(han)
}

// looksBinary reports text with more than a trace of control characters.
func looksBinary(s string) bool {
	n, ctl := 0, 0
	for _, r := range s {
		n++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7F {
			ctl++
		}
		if n >= 65536 {
			break
		}
	}
	return ctl > 0 && ctl*100 > n
}

// commonHan holds about 900 of the most frequent Chinese characters in both
// scripts (Traditional forms of the Simplified ones included), enough to
// tell a right decoding from a wrong one on a few lines of text.
var commonHan = func() map[rune]struct{} {
	const simplified = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从已想实头现样正外意把两因问很最重并物手应战向部点文全明高长者开政月机本特新加动由力被工代接表民道路级区市省县委书记员党员干部群众发展建设经济社会工作组织领导问题服务企业项目推进实施全面坚持加强推动深入落实提高改革创新产业文化教育历史精神思想学习活动重要会议讲话精神时代基层治理安全生态环境城市农村人民网报记者今年持续开展完善体系能力水平质量目标任务责任机制制度政策措施资源优势特色品牌平台中心保障民生群众利益干部作风纪律监督关注支持帮助解决困难需要希望相关方面情况通过进行继续按照根据围绕结合聚焦强化打造构建形成取得成效成果经验做法积极主动认真及时有效确保实现完成提升增强促进培育引导组织召开举行参加出席表示指出强调介绍认为告诉同时其中包括以及或者但是因此所以如果虽然已经正在将要可以能够应该必须一些这些那些这样那样什么怎么为什么哪里多少每个各种所有其他其它自己我们你们他们她们它们大家之间之后之前以后以前以上以下左右上午下午今天明天昨天时候时间地方世界中国香港北京上海山西太原运城小店迎泽陵城德州山东政府主席总理部长书记省长市长区长县长局长主任委员会议代表人大政协法律法院警察医院学校学生老师医生孩子老人朋友家庭生活工资收入价格市场公司银行投资消费金融交通旅游房屋土地农业工业科技信息网络电话手机电视报纸新闻消息节目记录报道采访专访讯息"
	const traditional = "這為們來個國說時會對著裡過發動無麼經當與學進種將還從現樣見體點開長問機實產業區縣書記員黨幹部羣眾發展設濟會組織領導題務項實創產業歷史習動議講話時層環境農村網報記者續開展級責任機制資源勢特廣質標強決積極極認及時確現實提升增強進導舉參與表示強調紹認為訴同時包括過因此雖已經應該須這些那樣麼為裡間後前東西們你們他們她們它們大家之間香港北京上海政府主席總理長委員議代表協法律院學校學生師醫生孩子老人朋友家庭生活工資收入價格場公司銀行投資費金融交通旅遊房屋土地農業工業科技資訊網絡電話手機電視報紙新聞消息節目錄報導採訪專訪係關還並沒說過點擊樓輕質頭條歲數簡單選舉運動"
	m := make(map[rune]struct{}, 1200)
	for _, r := range simplified + traditional {
		m[r] = struct{}{}
	}
	return m
}()

// trimPartialRune drops an incomplete UTF-8 sequence at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			return b
		}
	}
	return b
}
