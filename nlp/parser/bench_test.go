//go:build unix

package parser

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/tagger"
)

// benchText is news-like prose written for the benchmark.
var benchText = []string{
	"Government forces shelled the northern town of Harlan on Tuesday , killing at least 12 civilians , a local official said .",
	"The foreign minister , who met her counterpart in Geneva last week , told reporters that the talks would resume in March .",
	"Rebel commanders denied the claim and accused the army of targeting hospitals .",
	"Shares of the mining company fell 4 percent after it cut its forecast for the year .",
	"Police arrested three men suspected of planning an attack on the central station , prosecutors said in a statement on Friday .",
	"The opposition party , which controls the upper house , has vowed to block the budget unless spending on schools is raised .",
}

// BenchmarkTagParse measures the tagger and the parser together on one core,
// in words per second.
func BenchmarkTagParse(b *testing.B) {
	tg, p := loadBoth(b)
	var sents [][]string
	words := 0
	for _, s := range benchText {
		sents = append(sents, strings.Fields(s))
		words += len(sents[len(sents)-1])
	}
	b.ResetTimer()
	cpu := cpuTime(b)
	for range b.N {
		for _, ws := range sents {
			s := nlp.Sentence{Tokens: make([]nlp.Token, len(ws))}
			for i, w := range ws {
				s.Tokens[i].Text = w
			}
			tg.Tag(&s)
			p.Parse(&s)
		}
	}
	reportSpeed(b, words*b.N, cpu)
}

// BenchmarkParse measures the parser alone on tagged sentences.
func BenchmarkParse(b *testing.B) {
	tg, p := loadBoth(b)
	benchParse(b, tg, p)
}

// BenchmarkParseEnsemble measures the embedded ensemble: its members parse
// one after the other, then the spanning tree over their votes.
func BenchmarkParseEnsemble(b *testing.B) {
	tg, _ := loadBoth(b)
	p, err := LoadNamed("ensemble")
	if err != nil {
		b.Fatal(err)
	}
	benchParse(b, tg, p)
}

func benchParse(b *testing.B, tg *tagger.Model, p *Model) {
	var tagged []nlp.Sentence
	words := 0
	for _, text := range benchText {
		s := parse(b, tg, p, text)
		tagged = append(tagged, *s)
		words += len(s.Tokens)
	}
	// Collect the loading's garbage now, so that the CPU time counted is
	// the parsing's.
	runtime.GC()
	b.ResetTimer()
	cpu := cpuTime(b)
	for range b.N {
		for i := range tagged {
			p.Parse(&tagged[i])
		}
	}
	reportSpeed(b, words*b.N, cpu)
}

// cpuTime is the CPU time the process has used. On a machine shared with
// other work, words per CPU second is the figure that does not depend on
// how busy the other work keeps the cores.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportSpeed reports words per wall-clock second and per CPU second (the
// process's, garbage collection included).
func reportSpeed(b *testing.B, words int, cpuBefore time.Duration) {
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(words)/(cpuTime(b)-cpuBefore).Seconds(), "words/cpu-s")
}
