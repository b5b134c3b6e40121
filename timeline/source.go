package timeline

import (
	"net/url"
	"strings"
	"time"
)

// Source is a reference that items cite.
type Source struct {
	ID       string `json:"id"`
	Citation string `json:"citation"`
	URL      string `json:"url,omitempty"`
	Accessed string `json:"accessed,omitempty"` // YYYY-MM-DD
}

// Ref returns the source's kind and id.
func (s *Source) Ref() Ref { return Ref{KindSource, s.ID} }

// NameIn returns the citation, which is not translated.
func (s *Source) NameIn(string) string { return s.Citation }

// Citations returns nothing: a source cites no source.
func (s *Source) Citations() Cited { return Cited{} }

// Links returns nil: a source links to nothing; items link to it.
func (s *Source) Links() []Link { return nil }

// index adds nothing: sources are not searched.
func (s *Source) index(nameIndexer) {}

func (s *Source) image() string { return "" }

func (s *Source) searchWeight() int { return 0 }

// Headline implements Item: a citation is quoted as published, never translated.
func (s *Source) Headline() []FieldText { return nil }

func (s *Source) prose() []prose { return nil }

func (s *Source) check(c *itemCheck) {
	if strings.TrimSpace(s.Citation) == "" {
		c.errf("citation", "missing: want author, title and publisher or site")
	}
	if s.URL != "" {
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			c.errf("url", "%q: want an absolute http or https address", s.URL)
		}
	}
	if s.Accessed != "" {
		if _, err := time.Parse(time.DateOnly, s.Accessed); err != nil {
			c.errf("accessed", "%q: want YYYY-MM-DD", s.Accessed)
		}
	}
}

// Sources returns every source in pack order.
func (c *Catalog) Sources() []*Source { return itemsOf[*Source](c, KindSource) }

// Source returns the source with id, or nil.
func (c *Catalog) Source(id string) *Source { return lookup[*Source](c, KindSource, id) }
