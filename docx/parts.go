package docx

import (
	"fmt"
	"strings"
)

const (
	nsW      = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsRel    = "http://schemas.openxmlformats.org/package/2006/relationships"
	relTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	xmlHead  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

const contentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHead + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relTypes + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relTypes + `custom-properties" Target="docProps/custom.xml"/>` +
	`</Relationships>`

const documentRels = xmlHead + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relTypes + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relTypes + `numbering" Target="numbering.xml"/>` +
	`<Relationship Id="rId3" Type="` + relTypes + `settings" Target="settings.xml"/>` +
	`</Relationships>`

// settingsXML switches change tracking on. Children follow the schema
// order: trackRevisions, defaultTabStop, characterSpacingControl, compat.
const settingsXML = xmlHead + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:trackRevisions/><w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// stylesXML returns the styles part: document defaults in the document's
// language, the title, article and clause headings (numbered through
// numbering.xml) and the clause text and item styles.
func stylesXML(lang string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:styles xmlns:w="` + nsW + `">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif"/>`+
		`<w:sz w:val="22"/><w:lang w:val="%s"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`, lang)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>`)
	heading := func(id, name string, level, size int) {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:next w:val="ClauseText"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="%d"/></w:pPr>`+
			`<w:rPr><w:b/><w:sz w:val="%d"/></w:rPr></w:style>`, id, name, level, level, size)
	}
	heading(styleArticle, "heading 1", 0, 26)
	heading(styleClause, "heading 2", 1, 22)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="ClauseText"><w:name w:val="Clause Text"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>`)
	item := func(id, name string, level int) {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/>`+
			`<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`, id, name, level)
	}
	item(styleItemA, "Clause (a)", 2)
	item(styleItemI, "Clause (i)", 3)
	b.WriteString(`</w:styles>`)
	return b.String()
}

// numberingXML returns one multi-level list: "Article 1", "1.1", "(a)",
// "(i)", each level linked to its paragraph style and restarting after the
// level above; then numbering instance 1 and one instance per restarted
// (a) list.
func numberingXML(articleWord string, restarts int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:numbering xmlns:w="` + nsW + `"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>`)
	levels := []struct {
		format, text, style, suff string
		ind, hang                 int
	}{
		{"decimal", articleWord + " %1 –", styleArticle, "space", 0, 0},
		{"decimal", "%1.%2", styleClause, "tab", 720, 720},
		{"lowerLetter", "(%3)", styleItemA, "tab", 1440, 720},
		{"lowerRoman", "(%4)", styleItemI, "tab", 2160, 720},
	}
	for i, l := range levels {
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:pStyle w:val="%s"/><w:suff w:val="%s"/>`+
			`<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr></w:lvl>`,
			i, l.format, l.style, l.suff, l.text, l.ind, l.hang)
	}
	b.WriteString(`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for n := 2; n <= restarts+1; n++ {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/>`+
			`<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride>`+
			`<w:lvlOverride w:ilvl="3"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, n)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}
