package web

import (
	"html/template"
	"strings"
)

// pageNames are the templates under templates/; each is parsed together with
// layout.html, which calls the page's "content" block.
var pageNames = []string{"search", "quotes", "doc", "help", "error", "kwic", "official"}

var templateFuncs = template.FuncMap{
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
	// timelineData hands the timeline template its view and the locale.
	"timelineData": func(t *timelineView, l *locale) any {
		return struct {
			T *timelineView
			L *locale
		}{t, l}
	},
}

// parseTemplates parses the embedded templates once at start-up. A broken
// template is a programming error caught by every test, so it panics.
func parseTemplates() map[string]*template.Template {
	base := template.Must(template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html"))
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t := template.Must(base.Clone())
		pages[name] = template.Must(t.ParseFS(templateFS, "templates/"+name+".html"))
	}
	return pages
}
