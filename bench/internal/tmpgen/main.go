package main

import (
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/bench"
)

func main() {
	t := time.Now()
	g := bench.NewGenerator(1)
	fmt.Fprintln(os.Stderr, "world", time.Since(t))
	t = time.Now()
	words := 0
	for i := 0; i < 1000; i++ {
		d := g.Article(i)
		words += bench.Words(d.Text)
		if i < 2 {
			fmt.Println(d.Title, d.Source, d.Published)
			fmt.Println(d.Text)
		}
	}
	fmt.Fprintln(os.Stderr, "1000 articles", time.Since(t), "words", words)
}
