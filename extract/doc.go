// Package extract finds the entities of Vietnamese government and
// digital-transformation news: people and their roles, numbered decisions,
// targets, organisations and places. It is a hand-written scanner over
// syllable tokens with gazetteers embedded in the binary (family names,
// titles, organisation heads, ministries and agencies, the 63-province and
// the 34-province maps); no model, no network.
//
// The rules follow the corpus annotation guide:
//
//   - People are full names (family name + given names, or any capitalised
//     name after ông/bà/đồng chí), with every role the text states: titles
//     before the name, appositions after it, roles in brackets, split
//     constructions ("Ban chỉ đạo có Trưởng ban là ông X", "X làm Phó
//     Trưởng ban"), plural titles over lists of names. Short mentions
//     ("ông Mãi") resolve to the full name. Office holders without a name
//     produce no person; bylines and photo credits are authors.
//   - Decisions are documents with a number, in any written form, merged by
//     kind and number; issuer from the text or the symbol, ISO date when
//     stated, subject from "về việc …", "phê duyệt …" and the like, up to
//     the end of its clause. An anaphoric issuer ("UBND tỉnh") is completed
//     with the one named organisation that spells it out, else with the
//     text's only province (provinces merged in July 2025 into one the text
//     names count as that one); with several, it stays as written.
//   - Targets are figures after a goal cue (mục tiêu, chỉ tiêu, phấn đấu,
//     bảo đảm, đến năm …) or in the clause a trailing "đến năm X" closes,
//     and before any achieved cue (đã, đạt được, tính đến, nhưng mới đạt …)
//     in the same sentence; a heading ("Mục tiêu cụ thể:", "I. MỤC TIÊU")
//     carries its cue to the lines below. Counts of things are not
//     targets; a repeated target keeps the richer qualifier and metric.
//   - Organisations and places keep the written form; variants are merged
//     with [Key], which expands the usual abbreviations.
//
// Mentions are byte offsets into the NFC-normalised text.
package extract
