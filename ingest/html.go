package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Head: true,
	atom.Noscript: true, atom.Template: true, atom.Svg: true, atom.Iframe: true,
	atom.Object: true, atom.Canvas: true, atom.Select: true, atom.Button: true,
	atom.Form: true,
}

// blocks end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Blockquote: true, atom.Article: true, atom.Section: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Pre: true, atom.Figcaption: true,
	atom.Figure: true, atom.Main: true, atom.Dd: true, atom.Dt: true, atom.Hr: true,
	atom.Address: true, atom.Caption: true, atom.Summary: true, atom.Details: true,
}

// htmlText returns the visible text of a page, one blank line between
// blocks, and its <title>.
func htmlText(data []byte) (text, title string, err error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return "", "", fmt.Errorf("parse HTML: %w", err)
	}
	title = findTitle(root)
	var paras []string
	var cur strings.Builder
	flush := func() {
		p := strings.Join(strings.Fields(cur.String()), " ")
		if p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	// An explicit stack rather than recursion: hostile pages nest deeply.
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			if blocks[n.DataAtom] {
				flush()
			}
			continue
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			continue
		case html.ElementNode:
			if skipped[n.DataAtom] || hidden(n) {
				continue
			}
			if n.DataAtom == atom.Br {
				// A line break inside a paragraph is not a paragraph break.
				cur.WriteByte(' ')
				continue
			}
			if blocks[n.DataAtom] {
				flush()
			}
		case html.CommentNode, html.DoctypeNode:
			continue
		}
		stack = append(stack, frame{n: n, exit: true})
		var kids []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{n: kids[i]})
		}
	}
	flush()
	return strings.Join(paras, "\n\n"), title, nil
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

// findTitle returns the text of the first <title> element.
func findTitle(root *html.Node) string {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			return strings.Join(strings.Fields(nodeText(n)), " ")
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return ""
}
