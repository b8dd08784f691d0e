package index

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/klauspost/compress/zstd"

	"fangtan"
)

// A document's stored fields are kept in one value, compressed by fangtan:
//
//	uvarint len(meta) | uvarint len(text) | zstd(meta ‖ text ‖ quotes)
//
// zap compresses each document's stored fields with snappy, which finds
// little to repeat in a short JSON record or in UTF-8 Chinese (three bytes a
// character, few long repeats), while zstd's entropy coding takes the
// UTF-8 lead bytes' redundancy and a dictionary of the JSON's keys gives
// even a 300-byte quote record something to refer to. One frame, the
// metadata first, because the title and keywords recur in the text and the
// quotes are the text's own sentences (apart, the quotes lost what snappy
// found of them in the text). On 6,000 xwlb articles this made the index
// 3.9% smaller; deflate (compress/flate, level 2) made it 4.8% smaller but
// decoded at a quarter of zstd's speed, which made KWIC a third slower
// and most searches slower too (docs/benchmarks.md). Every hit decodes its
// frame whole; only Document(id) keeps the quotes.
//
// The dictionary and the layout are part of the index format
// (formatVersion): changing either needs a new version.

// storedDict is zstd's raw dictionary, the history a frame's first bytes
// may refer to: the keys and constant parts of the JSON of fangtan.EncodeMeta
// and fangtan.QuoteHit.
var storedDict = []byte(`"paragraph_lens":["fragments":null}"url":"https://"authors":[],"places":{"provinces":[],"cities":[],"districts":[]},"themes":[],"keywords":[],"quotes":null,"text":"","officials":[{"name":"","title":"","country":"","subject":false},{"name":"","title":"","subject":true}],"doc_id":"","paragraph":"speaker":"","speaker_title":"","kind":"direct","kind":"reported",{"id":"","file":"","title":"","date":"","source":"`)

// storedDictID names storedDict in the zstd frames (a raw dictionary: its
// content is the history the first bytes may refer to).
const storedDictID = 1

// The longest stored value a frame may claim to decode to: the longest
// text fangtan admits with room for its metadata and quotes. A damaged
// frame must not size an allocation beyond it.
const maxStoredBytes = 4*fangtan.MaxDocumentBytes + 1<<20

var (
	// EncodeAll and DecodeAll are safe for concurrent use. SpeedFastest:
	// SpeedDefault saved under 1% more of the stored values.
	storedEncoder = must(zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithEncoderDictRaw(storedDictID, storedDict), zstd.WithEncoderCRC(false),
		zstd.WithEncoderConcurrency(1), zstd.WithLowerEncoderMem(true)))
	storedDecoder = must(zstd.NewReader(nil, zstd.WithDecoderDictRaw(storedDictID, storedDict),
		zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(maxStoredBytes), zstd.IgnoreChecksum(true)))
)

// must is for the coder's options above, constant and valid.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// packStored makes the stored value of a document: its JSON metadata, its
// text (empty for a quote) and its quotes' JSON (nil when it has none).
func packStored(meta, text, quotes []byte) []byte {
	src := make([]byte, 0, len(meta)+len(text)+len(quotes))
	src = append(append(append(src, meta...), text...), quotes...)
	out := make([]byte, 0, 2*binary.MaxVarintLen64+len(src)/2)
	out = binary.AppendUvarint(out, uint64(len(meta)))
	out = binary.AppendUvarint(out, uint64(len(text)))
	return storedEncoder.EncodeAll(src, out)
}

// errStored is wrapped by every error of a stored value that does not
// decode: the index is damaged.
var errStored = errors.New("damaged stored value")

// unpackStored returns the metadata and text of a stored value, and its
// quotes when withQuotes (nil when there are none).
func unpackStored(v []byte, withQuotes bool) (meta, text, quotes []byte, err error) {
	metaLen, n := binary.Uvarint(v)
	if n <= 0 {
		return nil, nil, nil, fmt.Errorf("%w: no length of its metadata", errStored)
	}
	v = v[n:]
	textLen, n := binary.Uvarint(v)
	if n <= 0 {
		return nil, nil, nil, fmt.Errorf("%w: no length of its text", errStored)
	}
	v = v[n:]
	if metaLen > maxStoredBytes || textLen > maxStoredBytes {
		return nil, nil, nil, fmt.Errorf("%w: lengths %d and %d", errStored, metaLen, textLen)
	}
	all, err := storedDecoder.DecodeAll(v, nil)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%w: %w", errStored, err)
	}
	if uint64(len(all)) < metaLen+textLen {
		return nil, nil, nil, fmt.Errorf("%w: %d bytes, shorter than its metadata and text (%d and %d)", errStored, len(all), metaLen, textLen)
	}
	meta, text = all[:metaLen], all[metaLen:metaLen+textLen]
	if withQuotes && uint64(len(all)) > metaLen+textLen {
		quotes = all[metaLen+textLen:]
	}
	return meta, text, quotes, nil
}
