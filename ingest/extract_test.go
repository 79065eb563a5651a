package ingest

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

var (
	testExOnce sync.Once
	testEx     *Extractor
	testExErr  error
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	testExOnce.Do(func() { testEx, testExErr = NewExtractor(Options{AllRules: true}) })
	if testExErr != nil {
		t.Fatal(testExErr)
	}
	return testEx
}

func extractText(t testing.TB, text string) schema.Extraction {
	t.Helper()
	ext, err := extractor(t).Extract(context.Background(), schema.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return ext
}

// triples renders facts as "subject|predicate|object" with names.
func triples(ext schema.Extraction) []string {
	var out []string
	for _, f := range ext.Facts {
		s, _ := ext.Entity(f.Subject)
		obj := f.Object
		if o, ok := ext.Entity(f.Object); ok {
			obj = o.Name
		}
		out = append(out, s.Name+"|"+f.Predicate+"|"+obj)
	}
	sort.Strings(out)
	return out
}

// ruleTriples are the triples of facts a hand-written rule found.
func ruleTriples(ext schema.Extraction) []string {
	ruled := ext
	ruled.Facts = nil
	for _, f := range ext.Facts {
		if f.Evidence.Rule != "classifier" {
			ruled.Facts = append(ruled.Facts, f)
		}
	}
	return triples(ruled)
}

func findFact(ext schema.Extraction, triple string) (schema.Fact, bool) {
	for i, tr := range unsortedTriples(ext) {
		if tr == triple {
			return ext.Facts[i], true
		}
	}
	return schema.Fact{}, false
}

func unsortedTriples(ext schema.Extraction) []string {
	var out []string
	for _, f := range ext.Facts {
		s, _ := ext.Entity(f.Subject)
		obj := f.Object
		if o, ok := ext.Entity(f.Object); ok {
			obj = o.Name
		}
		out = append(out, s.Name+"|"+f.Predicate+"|"+obj)
	}
	return out
}

type ruleCase struct {
	name  string
	text  string
	want  []string          // facts that must be found
	not   []string          // facts that must not be found (from a hand-written rule, unless model)
	quals map[string]string // "triple#key" → value
	// model: the case tests the relation classifier, so not covers its
	// facts too. Rule cases leave the classifier out of not: it may add a
	// pair a rule rightly declines, with its probability as confidence.
	model bool
}

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ext := extractText(t, c.text)
			got := triples(ext)
			for _, w := range c.want {
				if !containsStr(got, w) {
					t.Errorf("missing %q\n text: %s\n got: %s", w, c.text, strings.Join(got, "; "))
				}
			}
			notIn := got
			if !c.model {
				notIn = ruleTriples(ext)
			}
			for _, n := range c.not {
				if containsStr(notIn, n) {
					t.Errorf("unexpected %q in %s", n, c.text)
				}
			}
			for k, v := range c.quals {
				tr, key, _ := strings.Cut(k, "#")
				f, ok := findFact(ext, tr)
				if !ok {
					t.Errorf("no fact %q for qualifier", tr)
					continue
				}
				if f.Evidence.Qualifiers[key] != v {
					t.Errorf("%s qualifier %s = %q, want %q", tr, key, f.Evidence.Qualifiers[key], v)
				}
			}
		})
	}
}

func TestTitleAndAppositiveRules(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "title before name", text: "Minister Carla Benes met the farmers on Friday.",
			want: []string{"Carla Benes|role|Minister"}},
		{name: "appositive with org complement", text: "Ruth Adler, a spokeswoman for the Velsen Water Board, said the dam was safe.",
			want: []string{"Ruth Adler|role|spokeswoman", "Ruth Adler|works_for|Velsen Water Board"}},
		{name: "appositive leader", text: "Paul Irvine, chairman of the Harbor Commission, opened the session.",
			want: []string{"Paul Irvine|role|chairman", "Paul Irvine|leads|Harbor Commission"}},
		{name: "country title", text: "The talks were led by Ambassador Dana Kiel, the US Special Coordinator for Arctic Affairs, in Oslo.",
			want: []string{"Dana Kiel|role|Ambassador", "Dana Kiel|role|Special Coordinator for Arctic Affairs", "Dana Kiel|works_for|US"}},
		{name: "org title name", text: "Later, Nordic Bank spokesman Erik Holm declined to comment.",
			want: []string{"Erik Holm|role|spokesman", "Erik Holm|works_for|Nordic Bank"}},
		{name: "org prefix of title", text: "UN Secretary-General Maria Olsen visited the camp.",
			want: []string{"Maria Olsen|role|Secretary-General", "Maria Olsen|leads|UN"}},
		{name: "named as", text: "Larry Jinks was named publisher of the San Jose Herald on Thursday.",
			want: []string{"Larry Jinks|role|publisher", "Larry Jinks|works_for|San Jose Herald"}},
		{name: "org appointed", text: "Norvik Resources appointed Sara Lind as its chief executive in May.",
			want: []string{"Sara Lind|role|chief executive", "Sara Lind|leads|Norvik Resources"}},
		{name: "copula", text: "Larry Kemp, 46, was a reporter for the Valley Gazette.",
			want: []string{"Larry Kemp|works_for|Valley Gazette"}},
	})
}

func TestPossessiveAndModifierRules(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "org's person", text: "Pressed by Daily Courier's Maya Lind about the budget, the mayor left.",
			want: []string{"Maya Lind|works_for|Daily Courier"}},
		{name: "place's province", text: "Floods hit Kenya's Turkana province this week.",
			want: []string{"Turkana|located_in|Kenya"}},
		{name: "demonym-backed", text: "The Iranian-backed Kataib Brigade fired rockets at the base.",
			want: []string{"Iran|backs|Kataib Brigade"}},
		{name: "x-based appositive", text: "Hope Trust, a Nairobi-based charity, opened a clinic.",
			want: []string{"Hope Trust|based_in|Nairobi"}},
		{name: "possessive attack", text: "The Northern Front's attacks on Kirkuk continued.",
			want: []string{"Northern Front|attacked|Kirkuk"}},
		{name: "affiliate", text: "The Crescent Brigade, a former Hezbollah affiliate, denied the report.",
			want:  []string{"Crescent Brigade|affiliated_with|Hezbollah"},
			quals: map[string]string{"Crescent Brigade|affiliated_with|Hezbollah#former": "true"}},
	})
}

func TestVerbRules(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "passive held by", text: "The province of Tessa, which is held by the Southern Forces, is quiet.",
			want: []string{"Southern Forces|controls|Tessa"}},
		{name: "passive captured by with time", text: "Mosul was captured by the Islamic State group in June 2014.",
			want:  []string{"Islamic State|controls|Mosul"},
			quals: map[string]string{"Islamic State|controls|Mosul#time": "in June 2014"}},
		{name: "active attack", text: "The Southern Forces attacked the town of Lahij on Monday.",
			want: []string{"Southern Forces|attacked|Lahij"}},
		{name: "killed passive", text: "Viktor Rand was killed by Arno Pell in 1998.",
			want: []string{"Arno Pell|killed|Viktor Rand"}},
		{name: "shot", text: "Lena Vos shot Mark Doyle outside the bar.",
			want: []string{"Lena Vos|killed|Mark Doyle"}},
		{name: "coordinated verbs", text: "In 1963 the nightclub owner Jack Rudd shot and mortally wounded Lee Orton in Dallas.",
			want: []string{"Jack Rudd|killed|Lee Orton"}},
		{name: "far passive agent", text: "Ana Lenn was murdered outside her home in Boston on Dec. 8, 1980, by Mark Dale.",
			want: []string{"Mark Dale|killed|Ana Lenn"}},
		{name: "possessive victim", text: "Sirko was sentenced to death for Senator Ivo Kane's murder in 1969.",
			want: []string{"Sirko|killed|Ivo Kane"}},
		{name: "assassin of", text: "Karl Brenner, the convicted assassin of Mayor Otto Stein, died in prison.",
			want: []string{"Karl Brenner|killed|Otto Stein"}},
		{name: "negated control", text: "The Syrian Democratic Forces do not control Raqqa anymore.",
			want:  []string{"Syrian Democratic Forces|controls|Raqqa"},
			quals: map[string]string{"Syrian Democratic Forces|controls|Raqqa#negated": "true"}},
		{name: "took control", text: "The Popular Guard took control of Marib in April.",
			want: []string{"Popular Guard|controls|Marib"}},
	})
}

func TestPlaceRules(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "dateline", text: "MIRAVEL, Upper Tessa – Officials met on Monday.",
			want: []string{"Miravel|located_in|Upper Tessa"}},
		{name: "comma place", text: "The rally was held in Dayton, Ohio, last year.",
			want: []string{"Dayton|located_in|Ohio"}},
		{name: "list is not containment", text: "Teams visited Boston, Chicago, Denver and Miami.",
			not: []string{"Boston|located_in|Chicago", "Chicago|located_in|Denver"}},
		{name: "camp appositive", text: "Camp Nour, a displacement camp of about 12,000 people in Sudan's Darfur region, is full.",
			want:  []string{"Camp Nour|population|12000", "Camp Nour|located_in|Darfur", "Darfur|located_in|Sudan", "Camp Nour|located_in|Sudan"},
			quals: map[string]string{"Camp Nour|population|12000#approximate": "true"}},
		{name: "lives in", text: "Jonas Weber, who lives in Hamburg, wrote the letter.",
			want: []string{"Jonas Weber|lives_in|Hamburg"}},
		{name: "is from", text: "Mrs. Hana Sato is from Yatsushiro in Kumamoto Prefecture.",
			want: []string{"Hana Sato|lives_in|Yatsushiro"}},
		{name: "born in", text: "In 1931, the painter Rosa Klee was born in Vienna.",
			want: []string{"Rosa Klee|lives_in|Vienna"}},
		{name: "based in", text: "Grant Holdings, based in Denver, denied the claim.",
			want: []string{"Grant Holdings|based_in|Denver"}},
		{name: "citizen", text: "Omar Haddad, a Jordanian citizen, was charged. Lea Brun, a citizen of France, testified.",
			want: []string{"Omar Haddad|citizen_of|Jordan", "Lea Brun|citizen_of|France"}},
		{name: "capital of", text: "Talmora, the capital of Aurelia, was calm.",
			want: []string{"Talmora|located_in|Aurelia"}},
		{name: "org of town, state", text: "The Becker Tool Co. of Franklin Lakes, N.J., makes drills.",
			want: []string{"Becker Tool Co.|based_in|Franklin Lakes", "Becker Tool Co.|based_in|N.J."}},
		{name: "state official", text: "The plan was opposed by Ohio Attorney General Mark Brandt on Friday.",
			want: []string{"Mark Brandt|role|Attorney General", "Mark Brandt|lives_in|Ohio"}},
		{name: "demonym state body", text: "The report was written by the Russian Statistics Committee last year.",
			want: []string{"Russian Statistics Committee|based_in|Russia"}},
		{name: "org at place", text: "Ana Ruiz, a chemist at the Institute of Soil Science in Lyon, led the study.",
			want: []string{"Ana Ruiz|works_for|Institute of Soil Science", "Institute of Soil Science|based_in|Lyon"}},
	})
}

func TestQuantityAndActivityRules(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "strength", text: "The Black Wolves militia still has around 2,000 fighters active across Chad and Niger.",
			want:  []string{"Black Wolves militia|strength|2000", "Black Wolves militia|active_in|Chad", "Black Wolves militia|active_in|Niger"},
			quals: map[string]string{"Black Wolves militia|strength|2000#approximate": "true"}},
		{name: "our partner", text: "Ambassador Dana Kiel, the US envoy for the region, spoke on Monday.\n\n“We are working with the Northern Guard, our local partner, to clear the villages,” Kiel said.",
			want: []string{"Northern Guard|allied_with|US"}},
		{name: "million", text: "Port Seren, a city of some 1.5 million people, was cut off.",
			want: []string{"Port Seren|population|1500000"}},
	})
}

func TestQuoteAttribution(t *testing.T) {
	text := "Mayor Ilse Horn spoke on Tuesday.\n\n" +
		"“We will rebuild the bridge by winter,” Horn said.\n\n" +
		"Horn said: “The budget is ready for a vote in May.”\n\n" +
		"“The river is rising fast,” Horn told reporters. “Evacuations begin tonight for everyone,” she added.\n\n" +
		"\"Nobody will be left behind,\" said Peter Vance, the city engineer.\n\n" +
		"Vance said the levees were allegedly weakened by the storm."
	ext := extractText(t, text)
	want := map[string]string{
		"We will rebuild the bridge by winter":            "Ilse Horn",
		"The budget is ready for a vote in May.":          "Ilse Horn",
		"The river is rising fast":                        "Ilse Horn",
		"Evacuations begin tonight for everyone":          "Ilse Horn",
		"Nobody will be left behind":                      "Peter Vance",
		"the levees were allegedly weakened by the storm": "Peter Vance",
	}
	got := map[string]string{}
	for _, f := range ext.Facts {
		if f.Predicate != "said" {
			continue
		}
		s, _ := ext.Entity(f.Subject)
		o, ok := ext.Entity(f.Object)
		if !ok || o.Class != schema.Statement {
			t.Fatalf("said object is not a statement: %+v", f)
		}
		if o.IRI != schema.StatementIRI(f.Subject, o.Name) {
			t.Errorf("statement IRI %s not from StatementIRI", o.IRI)
		}
		got[o.Name] = s.Name
		if strings.Contains(o.Name, "allegedly") && f.Evidence.Qualifiers[schema.QualHedge] != "allegedly" {
			t.Errorf("hedge not recorded: %v", f.Evidence.Qualifiers)
		}
	}
	for q, spk := range want {
		if got[q] != spk {
			t.Errorf("quote %q: speaker %q, want %q (all: %v)", q, got[q], spk, got)
		}
	}
}

func TestQuoteAttributionVariants(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "org and title before the speaker", text: "“Our units hold every crossing tonight,” Delta Front adviser Youssef Amir told Al Jazeera.",
			want: []string{"Youssef Amir|said|Our units hold every crossing tonight", "Youssef Amir|works_for|Delta Front"}},
		{name: "told X that", text: "Pentagon spokesman Pat Raines told reporters that the strikes were necessary and proportionate.",
			want: []string{"Pat Raines|said|the strikes were necessary and proportionate"}},
		{name: "said on a weekday", text: "Minister Carla Benes said on Monday that the border would reopen next week.",
			want: []string{"Carla Benes|said|the border would reopen next week"}},
		{name: "its spokeswoman", text: "The Alpine Water Office urged calm. Its spokeswoman, Lina Morel, said the supply was safe.",
			want: []string{"Lina Morel|works_for|Alpine Water Office", "Lina Morel|said|the supply was safe"}},
		{name: "short company name", text: "Norvik Resources, a London-based mining company, was fined. Norvik chief executive Sara Lind apologised.",
			want: []string{"Norvik Resources|based_in|London", "Sara Lind|leads|Norvik Resources"}},
		{name: "country name inside a party name", text: "Nur Alam, the secretary-general of the Bangladesh Nationalist Party (BNP), was detained.",
			want: []string{"Nur Alam|works_for|Bangladesh Nationalist Party"},
			not:  []string{"Nur Alam|leads|Bangladesh"}},
		{name: "verb is not a title", text: "Police arrested opposition leader Omar Faruk on Sunday.",
			want: []string{"Omar Faruk|role|opposition leader"}},
		{name: "speaker with a participle appositive", text: "President Ana Lutz, speaking in Oslo after talks with Chancellor Olaf Brandt, said the country needed more air defence.",
			want: []string{"Ana Lutz|said|the country needed more air defence"},
			not:  []string{"Olaf Brandt|said|the country needed more air defence"}},
		{name: "said last week that", text: "Defence Minister Sergei Kol said last week that the troops had taken the village of Krasna.",
			want: []string{"Sergei Kol|said|the troops had taken the village of Krasna"}},
		{name: "long organisation name", text: "The Institute for the Study of War, a Washington-based think tank, said the offensive would continue.",
			want: []string{"Institute for the Study of War|based_in|Washington", "Institute for the Study of War|said|the offensive would continue"}},
		{name: "capital for its government", text: "Damascus said on Friday that it would release the prisoners. Tourists still visit Damascus.",
			want: []string{"Syrian government|said|it would release the prisoners"}},
		{name: "military rank", text: "Army spokesman Brigadier General Nabil Saad denied the report.",
			want: []string{"Nabil Saad|role|Brigadier General"}},
		{name: "coordinated objects", text: "The Southern Forces shelled Aleppo and Homs on Sunday.",
			want: []string{"Southern Forces|attacked|Aleppo", "Southern Forces|attacked|Homs"}},
		{name: "descriptor keeps the gazetteer entity", text: "Yemen's Iran-backed Houthi rebels attacked a ship. The Houthis control Sanaa.",
			want: []string{"Iran|backs|Houthis", "Houthis|controls|Sanaa"}},
	})
}

func TestResolutionWithinDocument(t *testing.T) {
	text := "Colonel Anton Reyes commands the Eastern Brigade. Reyes said the unit was ready. " +
		"“We are prepared for anything that comes,” he said.\n\n" +
		"The National Salvation Front (NSF) held a rally in Kora. The NSF controls Kora, and the group has 900 members.\n\n" +
		"Russian officials met US envoy Dana Kiel in Geneva."
	ext := extractText(t, text)
	byName := map[string]schema.Entity{}
	for _, e := range ext.Entities {
		byName[e.Name] = e
	}
	reyes, ok := byName["Anton Reyes"]
	if !ok || !containsStr(reyes.Aliases, "Reyes") || reyes.Class != schema.Person {
		t.Fatalf("Anton Reyes not resolved with alias Reyes: %+v", reyes)
	}
	if _, dup := byName["Reyes"]; dup {
		t.Errorf("surname kept as a separate entity")
	}
	nsf, ok := byName["National Salvation Front"]
	if !ok || !containsStr(nsf.Aliases, "NSF") {
		t.Fatalf("acronym not merged: %+v", byName)
	}
	if nsf.IRI != schema.EntityIRI(nsf.Class, "National Salvation Front") {
		t.Errorf("IRI %s", nsf.IRI)
	}
	got := triples(ext)
	for _, w := range []string{"National Salvation Front|controls|Kora", "National Salvation Front|strength|900", "Dana Kiel|works_for|US", "Anton Reyes|said|We are prepared for anything that comes"} {
		if !containsStr(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
	us := byName["US"]
	if us.IRI != "ent:location/united-states" || us.Class != schema.Country {
		t.Errorf("US entity = %+v, want the gazetteer's United States node", us)
	}
	if r, ok := byName["Russia"]; !ok || r.Class != schema.Country {
		t.Errorf("demonym Russian did not resolve to Russia: %v", byName)
	}
}

func TestEvidenceAndValidation(t *testing.T) {
	text := "Ünïcode headline – Δelta\n\nOTTAWA, Canada – The Eagle Forces killed Damascus, officials said in a statement on Friday.\n\nMinister Carla Benes met farmers."
	ext := extractText(t, text)
	runes := []rune(text)
	for _, f := range ext.Facts {
		if err := schema.Validate(f, ext.ClassOf); err != nil {
			t.Errorf("invalid fact in output: %v", err)
		}
		ev := f.Evidence
		if ev.DocID != "t" || ev.Rule == "" || ev.Confidence <= 0 || ev.Confidence > 1 {
			t.Errorf("bad evidence %+v", ev)
		}
		if ev.Start < 0 || ev.End > len(runes) || string(runes[ev.Start:ev.End]) != ev.Sentence {
			t.Errorf("offsets [%d,%d) do not give the sentence %q", ev.Start, ev.End, ev.Sentence)
		}
	}
	rejected := false
	for _, r := range ext.Rejected {
		if r.Fact.Predicate == "killed" && strings.Contains(r.Reason, "range") {
			rejected = true
		}
	}
	if !rejected {
		t.Errorf("killing a city should be rejected by the schema; rejected: %+v", ext.Rejected)
	}
	if got := triples(ext); !containsStr(got, "Ottawa|located_in|Canada") {
		t.Errorf("dateline missing: %v", got)
	}
}

func TestMinConfidenceAndPredicates(t *testing.T) {
	text := "Pressed by Daily Courier's Maya Lind, Minister Carla Benes left Dayton, Ohio."
	all := extractText(t, text)
	ex, err := NewExtractor(Options{MinConfidence: 0.8, Predicates: []string{"role", "works_for"}})
	if err != nil {
		t.Fatal(err)
	}
	some, err := ex.Extract(context.Background(), schema.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(some.Facts) == 0 || len(some.Facts) >= len(all.Facts) {
		t.Fatalf("filter kept %d of %d facts", len(some.Facts), len(all.Facts))
	}
	for _, f := range some.Facts {
		if f.Evidence.Confidence < 0.8 || (f.Predicate != "role" && f.Predicate != "works_for") {
			t.Errorf("fact not filtered: %+v", f)
		}
	}
}

func TestExtractConcurrentIsDeterministic(t *testing.T) {
	docs := exampleDocs(t)
	ex := extractor(t)
	want := make([]schema.Extraction, len(docs))
	for i, d := range docs {
		want[i], _ = ex.Extract(context.Background(), d)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(docs))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, d := range docs {
				got, err := ex.Extract(context.Background(), d)
				if err != nil {
					errs <- err
					continue
				}
				if !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Errorf("doc %s differs between runs", d.ID)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestExtractAbsurdInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("absurd inputs take a few seconds")
	}
	// One 1 MB "sentence" and a document with 10,000 distinct names.
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("the quick brown fox jumps over ")
	}
	ext := extractText(t, b.String())
	if len(ext.Facts) != 0 {
		t.Errorf("facts from filler text: %d", len(ext.Facts))
	}
	b.Reset()
	letters := func(n int) string {
		s := []byte{'Q'}
		for k := 0; k < 3; k++ {
			s = append(s, byte('a'+n%26))
			n /= 26
		}
		return string(s)
	}
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "Agent Mark %sill met Minister Anna %sel. ", letters(i), letters(i))
	}
	ext = extractText(t, b.String())
	if len(ext.Entities) < 10000 {
		t.Errorf("entities = %d, want ≥ 10000", len(ext.Entities))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := extractor(t).Extract(ctx, schema.Document{ID: "c", Text: b.String()}); err == nil {
		t.Errorf("cancelled context not honoured")
	}
}

func TestAnnotateIsTheNLPStage(t *testing.T) {
	e, err := NewExtractor(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := schema.Document{ID: "a", Text: "Ambassador Lena Ortiz met Farid Haddad in Kessel. She left on Monday."}
	a, err := e.Annotate(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	// Two sentences; the tokens include the periods; mentions: the title,
	// the two people and the town (and the pronoun).
	if a.Sentences != 2 || a.Tokens != 14 || a.Mentions < 4 {
		t.Errorf("Annotate = %+v, want 2 sentences, 14 tokens, ≥ 4 mentions", a)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Annotate(ctx, doc); err == nil {
		t.Error("Annotate with a cancelled context: no error")
	}
}

func TestAcronymBeforeLongForm(t *testing.T) {
	text := "Fighters of the VLF (Valdorian Liberation Front) seized Kessel on Monday. The Valdorian Liberation Front said the VLF would hold the town."
	ext := extractText(t, text)
	var vlf []schema.Entity
	for _, e := range ext.Entities {
		if containsStr(e.Aliases, "VLF") || containsStr(e.Aliases, "Valdorian Liberation Front") {
			vlf = append(vlf, e)
		}
	}
	if len(vlf) != 1 || vlf[0].Name != "Valdorian Liberation Front" || !containsStr(vlf[0].Aliases, "VLF") {
		t.Fatalf("acronym and long form not one entity named by the long form: %+v", vlf)
	}
	if got := triples(ext); !containsStr(got, "Valdorian Liberation Front|controls|Kessel") {
		t.Errorf("seized town not read as controlled: %v", got)
	}
	// Initials must spell the acronym: a different name in parentheses is
	// not merged.
	ext = extractText(t, "Officials of the VLF (Kessel Town Council) met on Monday.")
	for _, e := range ext.Entities {
		if containsStr(e.Aliases, "VLF") && containsStr(e.Aliases, "Kessel Town Council") {
			t.Errorf("merged a name whose initials do not spell the acronym: %+v", e)
		}
	}
}

func TestInitialsSpell(t *testing.T) {
	for _, c := range []struct {
		acr, long string
		want      bool
	}{
		{"HTS", "Hayat Tahrir al-Sham", true},
		{"ISIS", "Islamic State of Iraq and Syria", true},
		{"SDF", "Syrian Democratic Forces", true},
		{"SDF", "Syrian Democratic Front Party", false},
		{"A", "Alpha", false},
	} {
		if got := initialsSpell(c.acr, c.long); got != c.want {
			t.Errorf("initialsSpell(%q, %q) = %v", c.acr, c.long, got)
		}
	}
}
