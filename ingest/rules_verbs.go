package ingest

// Relation rules read off verbs and their nominalisations: attacks,
// killings, support, control, appointments.

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

var killerMods = map[string]bool{"convicted": true, "accused": true, "alleged": true, "confessed": true, "would-be": true, "suspected": true, "admitted": true}

var attackNouns = map[string]bool{
	"attack": true, "attacks": true, "assault": true, "assaults": true, "bombing": true, "bombings": true,
	"bombardment": true, "strikes": true, "strike": true, "airstrikes": true, "airstrike": true, "offensive": true,
	"shelling": true, "raid": true, "raids": true, "invasion": true, "incursion": true, "campaign": true,
}

// verbRules: subject–verb–object with passives ("X is held by Y") and
// reduced relatives ("Idlib, held by HTS").
var verbPreds = map[string]string{}

func init() {
	for pred, forms := range map[string]string{
		"controls":    "hold holds held control controls controlled seize seizes seized capture captures captured overran overrun occupy occupies occupied retook recaptured",
		"backs":       "back backs backed support supports supported endorse endorses endorsed fund funds funded finance finances financed sponsor sponsors sponsored arm arms armed",
		"attacked":    "attack attacks attacked bomb bombs bombed shell shells shelled strike strikes struck target targets targeted raid raids raided invade invades invaded storm stormed ambush ambushed besiege besieged assaulted hit",
		"killed":      "kill kills killed assassinate assassinates assassinated murder murders murdered shoot shoots shot execute executes executed slay slew slain stab stabbed strangle strangled behead beheaded poison poisoned gunned",
		"leads":       "lead leads led head heads headed found founded chair chairs chaired command commands commanded run runs manage manages managed direct directs directed",
		"opposes":     "oppose opposes opposed fight fights fought condemn condemns condemned",
		"member_of":   "joined",
		"works_for":   "coaches coached", // not "represents": lawyers represent clients, lawmakers their states
		"located_in":  "",
		"allied_with": "",
	} {
		for _, f := range strings.Fields(forms) {
			verbPreds[f] = pred
		}
	}
}

var beWords = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "be": true}

func (v *view) verbRules() {
	// "X beat Y to death", "X was stabbed to death by Y" (the passive is
	// read below): any violent verb with "to death" is a killing.
	for k := 2; k+1 < len(v.t); k++ {
		if v.low(k) != "to" || v.low(k+1) != "death" {
			continue
		}
		if o := v.end[k]; o >= 0 && v.m(o).kind == kName && v.isA(o, schema.Person) && v.m(o).i >= 1 && strings.HasPrefix(v.t[v.m(o).i-1].Tag, "VB") && !beWords[v.low(v.m(o).i-1)] {
			if s, neg := v.subject(v.m(o).i - 1); s >= 0 && s != o {
				v.emit(s, "killed", o, "to-death", v.m(s).i, k+2, negQ(neg))
			}
		}
	}
	for k := 0; k < len(v.t); k++ {
		w := v.low(k)
		pred, ok := verbPreds[w]
		if (w == "control" || w == "controls") && (v.low(k+1) == "of" || v.low(k+1) == "over") {
			ok = false
		}
		if w == "cut" && v.low(k+1) == "down" && beWords[v.low(k-1)] {
			pred, ok = "killed", true // "X was cut down by an assassin Y"
		}
		if !ok {
			// "took control of", "has control over", "in control of"
			if (w == "control" || w == "controls") && (v.low(k+1) == "of" || v.low(k+1) == "over") {
				if o := v.np(k + 2); o >= 0 && v.isA(o, schema.Location) {
					j := k - 1
					for j >= 0 && (npSkip[v.low(j)] || v.low(j) == "full" || v.low(j) == "effective") {
						j--
					}
					if j >= 0 && (v.low(j) == "took" || v.low(j) == "take" || v.low(j) == "taken" || v.low(j) == "has" || v.low(j) == "have" || v.low(j) == "had" || v.low(j) == "seized" || v.low(j) == "gained" || v.low(j) == "retains" || v.low(j) == "maintains" || v.low(j) == "regained" || v.low(j) == "in" && v.low(j-1) == "is") {
						if v.low(j) == "in" {
							j--
						}
						if s, neg := v.subject(j); s >= 0 {
							v.emit(s, "controls", o, "svo-control-of", v.m(s).i, v.m(o).j, negQ(neg))
						}
					}
				}
			}
			if w == "under" && (v.low(k+1) == "the" && v.low(k+2) == "control" && v.low(k+3) == "of" || v.low(k+1) == "control" && v.low(k+2) == "of") {
				off := 3
				if v.low(k+1) == "the" {
					off = 4
				}
				if a := v.np(k + off); a >= 0 {
					if p := v.end[k]; p >= 0 && v.isA(p, schema.Location) {
						v.emit(a, "controls", p, "under-control-of", v.m(p).i, v.m(a).j, nil)
					} else if k > 0 && v.low(k-1) == "," {
						if p := v.end[k-1]; p >= 0 {
							v.emit(a, "controls", p, "under-control-of", v.m(p).i, v.m(a).j, nil)
						}
					}
				}
			}
			continue
		}
		if v.t[k].Tag != "" && !strings.HasPrefix(v.t[k].Tag, "VB") && v.t[k].Tag != "JJ" && v.t[k].Tag != "NN" && v.t[k].Tag != "NNS" {
			continue
		}
		// Passive: "[patient] (was) VERB-ed ... by [agent]".
		byAt := -1
		for j := k + 1; j < len(v.t) && j <= k+20; j++ {
			lw := v.low(j)
			if lw == "by" {
				byAt = j
				break
			}
			if lw == ";" || lw == "and" && j == k+1 || verbPreds[lw] != "" || lw == "who" || lw == "which" {
				break
			}
			if tg := v.t[j].Tag; (tg == "VBN" || tg == "VBD") && v.low(j-1) != "and" && v.low(j-1) != "or" {
				break // "hit a depot, an assertion excluded by Y": Y's verb is another
			}
		}
		passive := k > 0 && (beWords[v.low(k-1)] || beWords[v.low(k-2)] && v.t[k-1].Tag == "RB")
		if byAt >= 0 && (passive || v.low(k-1) == "," || v.end[k] >= 0 || v.low(k-1) == "which" || v.low(k-1) == "and") {
			agent := v.byAgent(byAt + 1)
			if agent < 0 {
				continue
			}
			var patient int = -1
			neg := false
			if passive {
				j := k - 1
				for j >= 0 && (beWords[v.low(j)] || auxWords[v.low(j)] || v.t[j].Tag == "RB") {
					if v.low(j) == "not" || v.low(j) == "n't" {
						neg = true
					}
					j--
				}
				patient, _ = v.subject(j + 1)
			} else if p := v.end[k]; p >= 0 {
				patient = p
			} else if k >= 1 && v.low(k-1) == "," {
				patient = v.end[k-1]
			}
			if patient >= 0 && nounAt(v, v.m(patient).j) {
				continue // "an Atlanta suburb held by X": the suburb is held
			}
			if patient >= 0 && pred == "controls" && v.party(agent) && !v.chamber(patient) {
				continue // "a district long held by Republicans": a party holds seats, not ground
			}
			if patient >= 0 {
				rule := "passive-by"
				if pred == "controls" {
					rule = "passive-by-controls"
				}
				v.emit(agent, pred, patient, rule, v.m(patient).i, v.m(agent).j, negQ(neg))
				if a2 := v.coordAfter(agent); a2 >= 0 {
					// "Y was killed by A and B"
					v.emit(a2, pred, patient, rule, v.m(patient).i, v.m(a2).j, negQ(neg))
				}
			}
			continue
		}
		if passive {
			continue
		}
		s, neg := v.subject(k)
		if s < 0 || supposed(v, v.m(s).i, k) {
			continue
		}
		o := v.np(k + 1)
		if o < 0 && v.low(k+1) == "and" {
			// "shot and mortally wounded X": the object of the second verb.
			j := k + 2
			for j < len(v.t) && v.t[j].Tag == "RB" {
				j++
			}
			if j < len(v.t) && strings.HasPrefix(v.t[j].Tag, "VB") {
				o = v.np(j + 1)
			}
		}
		if o < 0 || pred != "attacked" && pred != "killed" && (ownsNext(v, v.m(o).j) || nounAt(v, v.m(o).j)) {
			// "supported Moore's opponent", "backed a Collins proposal":
			// the name modifies what is backed ("attacked the FBI's
			// integrity" attacks the FBI).
			continue
		}
		if pred == "controls" && !v.isA(o, schema.Location) {
			continue
		}
		if pred == "backs" && v.party(o) && (v.low(v.m(o).i-1) == "the" || v.low(v.m(o).i-2) == "the") && !strings.HasSuffix(v.low(v.m(o).j-1), "s") {
			continue // "endorsed the Alabama Republican": a person, not the party
		}
		if pred == "killed" && v.m(o).kind == kPronoun {
			// "Kennedy had just won the primary when Sirhan shot him": the
			// one other person named before the killer.
			if o = v.otherPerson(s); o < 0 {
				continue
			}
		}
		if pred == "member_of" && (v.isA(o, schema.Company) || v.isA(o, schema.MediaOutlet)) {
			pred = "works_for" // "joined IBM in 1975": a firm hires, it has no members
		}
		n0 := len(v.x.facts)
		if pred == "attacked" && k > 0 && (v.low(k-1) == "an" || v.low(k-1) == "a" || v.low(k-1) == "the" || v.low(k-1) == "air" || v.low(k-1) == "military") {
			continue // "launching an attack on X", "air strikes": a noun, not the verb
		}
		rule := "svo-" + pred
		if pred == "attacked" && !v.isA(s, schema.ArmedGroup) && !v.isA(s, schema.Government) && !v.isA(s, schema.Country) {
			// A person's or a party's attacks are mostly words ("X
			// attacked Y on Twitter"), and storms strike too: only an
			// armed group's or a state's are read by default.
			rule = "svo-attacked-other"
		}
		v.emit(s, pred, o, rule, v.m(s).i, v.m(o).j, negQ(neg))
		if s2 := v.coordBefore(s); s2 >= 0 && (pred == "killed" || pred == "attacked") {
			// "A and B killed Y": both did.
			v.emit(s2, pred, o, rule, v.m(s2).i, v.m(o).j, negQ(neg))
		}
		if pred == "leads" && v.isA(s, schema.Person) && v.isA(o, schema.Organization) && !neg {
			// "X, who heads the institute": the head works there.
			v.emit(s, "works_for", o, "svo-leads-works", v.m(s).i, v.m(o).j, nil)
		}
		if w := v.low(k); pred == "leads" && (w == "found" || w == "founded") {
			// "who founded the company in 2011": the year dates the
			// founding, not the leadership read from it.
			for f := n0; f < len(v.x.facts); f++ {
				delete(v.x.facts[f].qual, schema.QualTime)
			}
		}
		// "X attacked A and B", "assassinated A, and B".
		for n, cur := 0, o; n < 4; n++ {
			j := v.m(cur).j
			if v.low(j) == "," && v.start[j+1] < 0 && (v.low(j+1) == "and" || v.low(j+1) == "the") {
				j++
			}
			if v.low(j) != "and" && v.low(j) != "," {
				break
			}
			if n := j + 1; n < len(v.t) && v.start[n] < 0 && v.t[n].Text == v.low(n) && (strings.HasPrefix(v.t[n].Tag, "VB") || strings.HasSuffix(v.low(n), "ed")) {
				break // "killed Kennedy and wounded Connally": another verb's object
			}
			next := v.np(j + 1)
			if next < 0 || v.cls(next).Top() != v.cls(o).Top() || v.low(j) == "," && v.speaks(v.m(next).j) {
				break // "endorsed Moore, Jones said": the next name opens a clause
			}
			v.emit(s, pred, next, rule, v.m(s).i, v.m(next).j, negQ(neg))
			cur = next
		}
	}
}

// byAgent reads the agent after "by": "the former al-Qaeda affiliate
// Hayat Tahrir al-Sham" gives Hayat Tahrir al-Sham (the appositive head).
func (v *view) byAgent(i int) int {
	a := v.np(i)
	if a < 0 {
		return -1
	}
	j := v.m(a).j
	if w := v.low(j); relNouns[w] != "" {
		if b := v.start[j+1]; b >= 0 && v.m(b).kind == kName {
			return b
		}
	}
	if ownsNext(v, j) {
		return -1 // "backed by Trump's chief of staff", "chaired by Trump appointee X"
	}
	return a
}

// ownsNext reports whether the name ending before token j modifies what
// follows it: a possessive ("Moore's opponent") or a common noun that heads
// the phrase ("Trump appointee Ajit Pai").
func ownsNext(v *view, j int) bool {
	if j >= len(v.t) {
		return false
	}
	if w := v.low(j); w == "'s" || w == "'" {
		return true
	}
	t := v.t[j]
	return (t.Tag == "NN" || t.Tag == "NNS") && t.Text == t.Lower && v.start[j+min(1, len(v.t)-j-1)] >= 0
}

// nounAt reports whether token j is a lower-case common noun: after a
// name, the noun heads the phrase and the name only modifies it.
func nounAt(v *view, j int) bool {
	if j >= len(v.t) {
		return false
	}
	t := v.t[j]
	return (t.Tag == "NN" || t.Tag == "NNS") && t.Text == t.Lower
}

func negQ(neg bool) map[string]string {
	if neg {
		return map[string]string{schema.QualNegated: "true"}
	}
	return nil
}

// nominalRules: attack and killing nouns ("the assassination of X by Y",
// "X's killer", "Russian bombings of Y").
func (v *view) nominalRules() {
	for k := 0; k < len(v.t); k++ {
		w := v.low(k)
		switch w {
		case "assassination", "murder", "killing", "slaying", "shooting", "execution", "death",
			"assassinations", "murders", "killings", "slayings", "shootings":
			// "sentenced to death for Kennedy's murder": a possessive victim.
			if k >= 2 && v.low(k-1) == "'s" && w != "death" && w != "execution" {
				if victim := v.end[k-1]; victim >= 0 && v.isA(victim, schema.Person) {
					v.accusedKill(k-1, victim)
				}
				continue
			}
			if v.low(k+1) != "of" {
				if w == "killing" || w == "shooting" || w == "murder" && v.low(k-1) == "to" {
					v.gerundKill(k)
				}
				continue
			}
			victim := v.np(k + 2)
			if victim < 0 || !v.isA(victim, schema.Person) {
				continue
			}
			j := v.m(victim).j
			if v.low(j) == "by" {
				if a := v.np(j + 1); a >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-by", v.m(victim).i, v.m(a).j, nil)
					continue
				}
			}
			if w == "death" {
				continue
			}
			// "X's assassination of Y"
			if k >= 1 && (v.low(k-1) == "'s") {
				if a := v.end[k-1]; a >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-poss", v.m(a).i, j, nil)
					continue
				}
			}
			v.accusedKill(k, victim)
			// "the slayings of A and B"
			if v.low(j) == "and" {
				if b := v.np(j + 1); b >= 0 && v.isA(b, schema.Person) {
					v.accusedKill(k, b)
				}
			}
		case "assassin", "killer", "murderer", "slayer", "assassins", "killers":
			// "X, the assassin of Y" / "Y's assassin, X" / "Y's killer X" / "Kennedy assassin X"
			if v.low(k+1) == "of" {
				victim := v.np(k + 2)
				a := -1
				j := k - 1
				for j >= 0 && (npSkip[v.low(j)] || killerMods[v.low(j)]) {
					j--
				}
				if j >= 0 && v.low(j) == "," {
					a = v.end[j]
				}
				if victim >= 0 && a >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-agent", v.m(a).i, v.m(victim).j, nil)
				}
			} else if k >= 1 && v.low(k-1) == "'s" {
				victim := v.end[k-1]
				j := k + 1
				if v.low(j) == "," {
					j++
				}
				if a := v.np(j); a >= 0 && victim >= 0 {
					v.emit(a, "killed", victim, "kill-nominal-agent", v.m(victim).i, v.m(a).j, nil)
					// "Gandhi's assassins, A and B"
					if aj := v.m(a).j; v.low(aj) == "and" {
						if b := v.start[aj+1]; b >= 0 && v.isA(b, schema.Person) && v.m(b).kind == kName {
							v.emit(b, "killed", victim, "kill-nominal-agent", v.m(victim).i, v.m(b).j, nil)
						}
					}
				} else if victim >= 0 && v.low(v.m(victim).i-1) == "," {
					// "Booth, Lincoln's assassin, was trapped"
					if a := v.end[v.m(victim).i-1]; a >= 0 && v.isA(a, schema.Person) {
						v.emit(a, "killed", victim, "kill-nominal-agent", v.m(a).i, k+1, nil)
					}
				}
			} else if victim := v.end[k]; victim >= 0 && v.isA(victim, schema.Person) {
				if a := v.start[k+1]; a >= 0 && v.isA(a, schema.Person) {
					v.emit(a, "killed", victim, "kill-nominal-agent", v.m(victim).i, v.m(a).j, nil)
				}
			}
		case "assassinating", "murdering", "stabbing", "strangling", "kill", "assassinate":
			// "X apologized for killing Y", "X pleaded guilty to shooting Y",
			// "a charge of conspiracy to murder Y": the sentence's first person acts.
			if (w == "kill" || w == "murder" || w == "assassinate") && v.low(k-1) != "to" {
				continue
			}
			v.gerundKill(k)
		}
		// "Russian bombings of health facilities in Idlib", "attacks on Y by X".
		if attackNouns[w] && k > 0 && (v.low(k+1) == "on" || v.low(k+1) == "against" || v.low(k+1) == "of" && w != "campaign") {
			target := v.np(k + 2)
			if target < 0 || unrealAttack(v, k) {
				continue
			}
			agent := -1
			if a := v.end[k]; a >= 0 && (v.m(a).kind == kDemonym || v.m(a).kind == kName) {
				agent = a
			} else if j := k - 1; j >= 0 {
				// "X resumed/launched attacks on Y"
				if lw := v.low(j); lw == "resumed" || lw == "launched" || lw == "carried" || lw == "stepped" || lw == "intensified" || lw == "conducted" || lw == "continued" || lw == "began" || lw == "mounted" {
					agent, _ = v.subject(j)
				}
			}
			if agent >= 0 && v.low(k-1) != "'s" {
				if verbalAttack(v, agent, target) {
					// "Trump's attack on Senator Y", "Republican attacks on
					// the special counsel": words, as svo-attacks-verbal reads them
					v.emit(agent, "opposes", target, "attack-noun-verbal", v.m(agent).i, v.m(target).j, nil)
				} else {
					v.emit(agent, "attacked", target, "attack-noun", v.m(agent).i, v.m(target).j, nil)
				}
			}
		}
	}
}

// unrealAttack: an attack the sentence only imagines ("any potential U.S.
// strikes against Y", "a possible invasion of Y").
func unrealAttack(v *view, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch v.low(j) {
		case "potential", "possible", "any", "planned", "threatened", "proposed", "would-be", "hypothetical", "future":
			return true
		}
		if conditionWords[v.low(j)] {
			return true
		}
	}
	return false
}

// supposed reports whether a condition opens the clause of subject token
// i and verb k ("unless Y has first attacked X", "if X backs Y").
func supposed(v *view, i, k int) bool {
	for j := max(i-2, 0); j < k; j++ {
		if conditionWords[v.low(j)] {
			return true
		}
	}
	return false
}

// verbalAttack: a person's or a party's attack on a person or a body is
// words, not force.
func verbalAttack(v *view, agent, target int) bool {
	if !v.isA(agent, schema.Person) && !v.party(agent) {
		return false
	}
	return v.isA(target, schema.Person) || v.isA(target, schema.Organization)
}

// gerundKill: "X apologized for killing Y", "X pleaded guilty to shooting
// Y", "a charge of conspiracy to murder Y": the sentence's first person acts.
func (v *view) gerundKill(k int) {
	victim := v.np(k + 1)
	if victim < 0 || !v.isA(victim, schema.Person) || v.possessor(victim) {
		return
	}
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i >= k {
			break
		}
		if (m.kind == kName || m.kind == kPronoun) && v.isA(mi, schema.Person) && m.ent != v.ent(victim) {
			v.emit(mi, "killed", victim, "kill-gerund", m.i, v.m(victim).j, nil)
			return
		}
	}
}

// accusedKill: "X was charged/convicted ... in the assassination of Y":
// the sentence's first person is the agent when the words between say so.
func (v *view) accusedKill(k, victim int) {
	for _, mi := range v.x.sentMents[v.si] {
		m := v.m(mi)
		if m.i >= k {
			return
		}
		if (m.kind == kName || m.kind == kPronoun) && v.isA(mi, schema.Person) && m.ent != v.ent(victim) {
			between := joinToks(v.t[m.j:k])
			for _, w := range []string{"charged", "convicted", "accused", "arrested", "sentenced", "indicted", "guilty", "suspect", "captured", "executed for", "faces", "trial", "hanged for", "jailed for", "imprisoned for", "responsible for", "confessed"} {
				if strings.Contains(between, w) {
					v.emit(mi, "killed", victim, "kill-nominal-accused", m.i, v.m(victim).j, nil)
					return
				}
			}
			return
		}
	}
}

var appointVerbs = map[string]bool{"named": true, "appointed": true, "elected": true, "chosen": true, "became": true,
	"served": true, "serves": true, "resigned": true, "retired": true, "hired": true, "promoted": true, "installed": true, "nominated": true}

// appointmentRules: "X was named president of Y", "X served as Y's
// treasurer", "Y appointed X as its chief executive".
func (v *view) appointmentRules() {
	for _, pi := range v.x.sentMents[v.si] {
		p := v.m(pi)
		if p.kind != kName || p.ent < 0 {
			continue
		}
		person := v.isA(pi, schema.Person)
		for k := p.j; k < len(v.t) && k < p.j+4; k++ {
			if !appointVerbs[v.low(k)] {
				if auxWords[v.low(k)] || v.t[k].Tag == "RB" {
					continue
				}
				break
			}
			j := k + 1
			// "Y appointed X (as) its chief executive"
			agent := -1
			if !person && (v.isA(pi, schema.Organization)) {
				x := v.start[j]
				if x < 0 || !v.isA(x, schema.Person) {
					break
				}
				agent, pi = pi, x
				j = v.m(x).j
			} else if !person {
				break
			}
			for j < len(v.t) && (v.low(j) == "as" || v.low(j) == "the" || v.low(j) == "its" || v.low(j) == "a" || v.low(j) == "new") {
				j++
			}
			ri, rj, head := v.roleNounSpan(j)
			if head == "" {
				break
			}
			org := agent
			if w := v.low(rj); w == "of" || w == "at" || w == "for" {
				if o := v.np(rj + 1); o >= 0 && (v.isA(o, schema.Organization) || v.isA(o, schema.Location)) {
					org = o
				}
			}
			q := map[string]string(nil)
			if v.low(k) == "resigned" || v.low(k) == "retired" {
				q = map[string]string{schema.QualFormer: "true"}
			}
			v.emitEnt(v.ent(pi), "role", v.roleEntity(ri, rj), "named-role", p.i, rj, q)
			if org >= 0 {
				n0 := len(v.x.facts)
				v.orgRel(pi, org, joinToks(v.t[ri:rj]), "named-org", p.i, rj+3)
				if q != nil {
					v.markFormer(n0) // "X retired as chairman of Y"
				}
			}
			break
		}
	}
}

// beatVerbs: what a journalist does for an outlet.
var beatVerbs = map[string]bool{"covers": true, "covered": true, "covering": true, "writes": true, "wrote": true, "reports": true, "reported": true, "reporting": true, "edits": true, "edited": true, "photographs": true}
