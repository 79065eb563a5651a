package deppat

// Session 14 rows for stances between actors: opposition said of a
// possessor ("X criticized Y's plan"), coordinated objects of a verb of
// opposition ("X sued A and B") and defence of a person ("X defended Y").
// Each was read on the whole Reuters corpus before it was switched on
// (gates.go, docs/extraction.md).

// stanceVerbs are the verbs of opposition whose object's possessor is the
// one opposed: criticism of Y's plan is criticism of Y. Not "reject" ("X
// rejected Y's offer" is a bargain) nor "sue", "fight" ("X fought Y's
// cancer") nor "block" ("X blocked Y's account").
const stanceVerbs = "lemma=criticize|criticise|condemn|denounce|blast|slam|lambaste|assail|rebuke|decry|oppose|deride|ridicule|mock|disparage"

// notStanceObjects are the object nouns whose possessor is not the one
// opposed: a person's kin or side is someone else ("X criticized Y's
// wife", "X attacked Y's critics").
const notStanceObjects = "!lemma=wife|husband|son|daughter|brother|sister|father|mother|family|child|children|supporter|critic|opponent|rival|ally|friend|aide|lawyer|attacker|accuser|victim|death|killing|murder|arrest|detention|ouster|removal|firing|resignation"

var stanceRows = []*Pattern{
	{Name: "svo-opposes-poss", Pred: "opposes", Path: "X[!caps,!paren," + "!" + partyWords + "] <nsubj V[" + stanceVerbs + ",!neg,!modal] >obj|obl _[!mention,!title,!case," + notStanceObjects + "] >nmod:poss Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz criticized Tom Hale's budget plan → Ana Ruiz opposes Tom Hale"},
	{Name: "svo-opposes-conj-obj", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[" + opposeVerbs + "|" + accuseVerbs[len("lemma="):] + ",!neg,!modal] >obj _ >conj Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "the Vela Society sued the Tarsis Bureau and its director Tom Hale → Vela Society opposes Tom Hale"},
	{Name: "svo-defends", Pred: "backs", Path: "X[!caps,!paren,!" + partyWords + "] <nsubj V[lemma=defend,!neg,!modal] >obj Y", Subj: perOrg, Obj: per,
		Notes: "Ana Ruiz defended Tom Hale against the charges → Ana Ruiz backs Tom Hale"},
	{Name: "relcl-defends", Pred: "backs", Path: "X[!caps,!paren,!" + partyWords + "] >acl:relcl V[lemma=defend,!neg,!modal] >obj Y", Subj: perOrg, Obj: per,
		Notes: "Ana Ruiz, who has defended Tom Hale, … → backs"},
}

// passiveStanceRows: opposition said in the passive ("Y was criticized by
// X", "Y, sued by X, …"): the agent opposes the subject, as in the active.
var passiveStanceRows = []*Pattern{
	{Name: "passive-opposes", Pred: "opposes", Path: "X[!caps,!paren] <obl:agent V[" + opposeVerbs + "|" + accuseVerbs[len("lemma="):] + ",!neg,!modal] >nsubj:pass Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "the Tarsis Bureau has long been criticized by Ana Ruiz → Ana Ruiz opposes Tarsis Bureau"},
	{Name: "reduced-passive-opposes", Pred: "opposes", Path: "X[!caps,!paren] <obl:agent V[" + opposeVerbs + "|" + accuseVerbs[len("lemma="):] + ",!neg,!modal] <acl Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Tom Hale, accused by Ana Ruiz of lying, … → Ana Ruiz opposes Tom Hale"},
}

// feudNouns name a quarrel between two sides: either side opposes the
// other.
const feudNouns = "lemma=feud|dispute|spat|row|standoff|rivalry|clash|quarrel|showdown"

// rivalStanceRows: sides in a race or a quarrel (session 14). A winner
// and a loser of an election ran against each other (opposes, as
// svo-runs-against); a named side's feud with another is opposition.
var rivalStanceRows = []*Pattern{
	{Name: "svo-defeats", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[lemma=defeat|beat|unseat|trounce,!neg,!modal] >obj Y", Subj: per, Obj: per,
		Notes: "Ana Ruiz defeated Republican Tom Hale in the special election → Ana Ruiz opposes Tom Hale"},
	{Name: "relcl-defeats", Pred: "opposes", Path: "X[!caps,!paren] >acl:relcl V[lemma=defeat|beat|unseat|trounce,!neg,!modal] >obj Y", Subj: per, Obj: per,
		Notes: "Ana Ruiz, who beat Tom Hale in November, … → Ana Ruiz opposes Tom Hale"},
	{Name: "poss-victory-over", Pred: "opposes", Path: "X <nmod:poss _[lemma=victory|win|defeat] >nmod Y[case=over]", Subj: per, Obj: per,
		Notes: "Ana Ruiz's narrow victory over Tom Hale → Ana Ruiz opposes Tom Hale"},
	{Name: "poss-feud-with", Pred: "opposes", Path: "X <nmod:poss _[" + feudNouns + "] >nmod Y[case=with]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz's feud with the Tarsis Bureau → Ana Ruiz opposes Tarsis Bureau"},
	{Name: "has-feud-with", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[!neg,!modal] >obj|obl _[" + feudNouns + "|war,!mention] >nmod Y[case=with]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz is locked in a feud with Tom Hale; Ruritania found itself in a war of words with Tarsis → opposes"},
}
