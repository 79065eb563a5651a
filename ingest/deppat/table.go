package deppat

import (
	"slices"
	"strings"
	"sync"
)

// Classes of mentions, as nlp/ner labels them.
var (
	per     = []string{"PER"}
	org     = []string{"ORG"}
	loc     = []string{"LOC"}
	orgLoc  = []string{"ORG", "LOC"}
	perOrg  = []string{"PER", "ORG"}        // a person or a named body
	actor   = []string{"PER", "ORG", "LOC"} // a country acts through its government
	party   = []string{"MISC", "ORG"}
	anyName = []string{"PER", "ORG", "LOC", "MISC"}
)

// Lemma lists shared by rows. Leader titles yield leads; other titles works_for.
const (
	leaderTitles = "lemma=chairman|chairwoman|chair|chairperson|president|head|leader|chief|director|ceo|founder|governor|mayor|commander|premier|chancellor|king|queen|emir|ruler"
	controlVerbs = "lemma=control|hold|seize|capture|occupy|retake|recapture|overrun|run|govern"
	backVerbs    = "lemma=back|support|endorse|fund|arm|finance|sponsor"
	opposeVerbs  = "lemma=oppose|criticize|criticise|condemn|sue|fight|denounce|reject|block|blast|slam|lambaste|assail|rebuke|decry"
	// verbs of accusation and derision: words against an actor (session 11)
	accuseVerbs = "lemma=accuse|mock|ridicule|deride|disparage|berate|chastise|admonish|scold|castigate|excoriate|vilify|insult"
	attackVerbs = "lemma=attack|bomb|strike|shell|raid|invade|target|ambush"
	// verbs of calling on someone to do something (session 12)
	callVerbs    = "lemma=call|urge|press|push|ask|demand"
	killVerbs    = "lemma=kill|murder|assassinate|execute|behead|slay"
	leadVerbs    = "lemma=head|lead|chair|run|direct|manage|found"
	officeTitles = "lemma=senator|representative|congressman|congresswoman|lawmaker|judge|justice|attorney|prosecutor|secretary|minister|ambassador|envoy|diplomat|official|spokesman|spokeswoman|spokesperson|commissioner|sheriff|general|admiral|colonel|commander|agent|officer|negotiator|treasurer|inspector|administrator|superintendent|counsel|adviser|advisor|aide|deputy|whip|speaker"
	// nouns of an official's removal from office (session 13)
	removalNouns = "lemma=resignation|ouster|removal|firing|dismissal|impeachment|sacking"
	partyWords   = "lemma=republican|democrat|democratic|republicans|democrats|gop|labour|conservative|tory|liberal"
	// nouns of a side in a race, not titles: the party before one names the side (Democratic rival X)
	partySideNouns = "lemma=rival|opponent|challenger|incumbent|predecessor|successor|hopeful|contender|colleague|counterpart"
	// words for a politician or a partisan that are no office: a party
	// adjective on one names the person's party (a Republican fiscal hawk)
	partyPersonNouns = "lemma=hawk|moderate|centrist|conservative|liberal|stalwart|operative|loyalist|veteran|maverick|firebrand|politician|heavyweight|insider|activist|fundraiser|megadonor|donor|billionaire"
	// an envoy represents a state at the body named with the title (U.N. Ambassador X)
	envoyTitles  = "lemma=ambassador|envoy|representative|delegate|observer"
	chamberWords = "lemma=house|senate|congress|parliament|legislature|assembly"
	// members of a legislature, who hold a seat for a place
	// titles a foreigner holds as readily as a national, or that name a
	// seat in a body rather than a job (a Russian candidate, a British member)
	notCitizenTitles = "lemma=candidate|nominee|member|employee|staffer|worker|host|personality|partner|investor|owner|donor|correspondent|reporter|professor|researcher|scientist|editor|columnist|manager|executive|consultant|analyst|economist|strategist|producer|publisher"
	legislatorTitles = "lemma=senator|representative|congressman|congresswoman|lawmaker|legislator|assemblyman|assemblywoman|delegate|sen.|rep."
)

// rows is the pattern table. Their measured figures are in figures.go; a
// row with Support 0 read nothing on the dev gold.
var rows = []*Pattern{
	// --- appositives and copulas
	{Name: "appos-title", Pred: "role", Path: "X >appos T[title,!named]", Subj: per,
		Notes: "Ana Ruiz, a strategist at Vela Partners → role strategist"},
	{Name: "copula-title", Pred: "role", Path: "X <nsubj T[title,cop,!neg,!modal]", Subj: per,
		Notes: "Ana Ruiz is the chairman of Vela → role chairman"},
	{Name: "appos-leader-of", Pred: "leads", Role: true, Path: "X >appos T[title," + leaderTitles + "] >nmod Y[case=of]", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz, chairman of the Vela Group → leads Vela Group"},
	{Name: "appos-title-of", Pred: "works_for", Role: true, Path: "X >appos T[title,!" + leaderTitles + "] >nmod Y[case=of|at|for|with]", Subj: per, Obj: org,
		Notes: "Ana Ruiz, a strategist at Vela Partners → works_for Vela Partners"},
	{Name: "copula-leader-of", Pred: "leads", Role: true, Path: "X <nsubj T[title,cop,!neg,!modal," + leaderTitles + "] >nmod Y[case=of]", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz is the chairman of the Vela Group → leads"},
	{Name: "copula-title-of", Pred: "works_for", Role: true, Path: "X <nsubj T[title,cop,!neg,!modal,!" + leaderTitles + "] >nmod Y[case=of|at|for|with]", Subj: per, Obj: org,
		Notes: "Ana Ruiz is a lawyer for Vela Partners → works_for"},
	// the same read on the surface, where the parser lost the appositive
	{Name: "surface-appos-leader-of", Pred: "leads", Role: true, Path: "X -> _[comma] ->* T[title," + leaderTitles + "] -> _[lemma=of] -> Y", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz, managing director of Vela Partners, → leads Vela Partners"},
	{Name: "surface-appos-title-of", Pred: "works_for", Role: true, Path: "X -> _[comma] ->* T[title,!" + leaderTitles + "] -> _[lemma=of|at|for|with] -> Y", Subj: per, Obj: org,
		Notes: "Ana Ruiz, a lawyer at Vela Partners, → works_for Vela Partners"},
	{Name: "surface-appos-leader-for", Pred: "works_for", Role: true, Path: "X -> _[comma] ->* T[title," + leaderTitles + "] -> _[lemma=for|at] -> Y", Subj: per, Obj: org,
		Notes: "Ana Ruiz, litigation director for the Vela Project, → works_for (a director for is no head of)"},
	{Name: "appos-poss-title", Pred: "works_for", Role: true, Path: "X >appos T[title] >nmod:poss Y", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz, Vela's chief strategist → works_for Vela"},
	{Name: "reverse-appos-poss-title", Pred: "works_for", Role: true, Path: "X <appos T[title] >nmod:poss Y", Subj: per, Obj: orgLoc,
		Notes: "Vela's chief strategist, Ana Ruiz → works_for Vela"},
	{Name: "reverse-appos-org-leader", Pred: "leads", Path: "X <appos T[title,left," + leaderTitles + "] >compound Y", Subj: per, Obj: org,
		Notes: "the Vela Group chairman, Ana Ruiz, → leads Vela Group"},
	{Name: "reverse-appos-org-title", Pred: "works_for", Path: "X <appos T[title,left,!" + leaderTitles + "] >compound Y", Subj: per, Obj: org,
		Notes: "a Justice Department spokeswoman, Ana Ruiz, → works_for Justice Department"},
	{Name: "appos-org-leader", Pred: "leads", Path: "X >appos T[title," + leaderTitles + "] >compound Y", Subj: per, Obj: org,
		Notes: "Ana Ruiz, the Vela Group chairman, → leads Vela Group"},
	{Name: "appos-org-title", Pred: "works_for", Path: "X >appos T[title,!" + leaderTitles + "] >compound Y", Subj: per, Obj: org,
		Notes: "Ana Ruiz, a Vela Group spokeswoman, → works_for Vela Group"},
	{Name: "reverse-appos-title", Pred: "role", Path: "X <appos T[title,left]", Subj: per,
		Notes: "the committee's chairman, Ana Ruiz → role chairman"},
	{Name: "reverse-appos-title-of", Pred: "works_for", Role: true, Path: "X <appos T[title,left] >nmod Y[case=of|at|for]", Subj: per, Obj: org,
		Notes: "the chairman of Vela, Ana Ruiz → works_for Vela"},

	// a relative clause with a copula: the same as an appositive
	{Name: "relcl-copula-title", Pred: "role", Path: "X >acl:relcl T[title,cop,!neg,!modal]", Subj: per,
		Notes: "Ana Ruiz, who is Vela Partners' senior scientist, → role senior scientist"},
	{Name: "relcl-poss-title", Pred: "works_for", Role: true, Path: "X >acl:relcl T[title,cop,!neg,!modal] >nmod:poss|compound Y[left]", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz, who is Vela Partners' senior scientist, → works_for Vela Partners"},
	{Name: "relcl-leader-of", Pred: "leads", Role: true, Path: "X >acl:relcl T[title,cop,!neg,!modal," + leaderTitles + "] >nmod Y[case=of]", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz, who is the chairman of Vela, → leads Vela"},
	{Name: "relcl-title-of", Pred: "works_for", Role: true, Path: "X >acl:relcl T[title,cop,!neg,!modal,!" + leaderTitles + "] >nmod Y[case=of|at|for|with]", Subj: per, Obj: org,
		Notes: "Ana Ruiz, who was a lawyer at Vela Partners, → works_for Vela Partners"},
	// the same on the surface, where the parser hung the clause elsewhere
	// (after a quote: "…," wrote Ana Ruiz, who is Vela's senior scientist)
	{Name: "surface-relcl-title", Pred: "role", Path: "X -> _[comma] -> _[lemma=who] -> _[lemma=be,!neg] ->* T[title,!mention]", Subj: per,
		Notes: "Ana Ruiz, who is the Vela Group's senior scientist, → role senior scientist"},
	{Name: "surface-relcl-poss-leader", Pred: "leads", Role: true, Path: "X -> _[comma] -> _[lemma=who] -> _[lemma=be,!neg] -> Y[mention] -> _[lemma='s] ->* T[title," + leaderTitles + "]", Subj: per, Obj: org,
		Notes: "Ana Ruiz, who is Vela Partners' chairman, → leads Vela Partners"},
	{Name: "surface-relcl-poss-title", Pred: "works_for", Role: true, Path: "X -> _[comma] -> _[lemma=who] -> _[lemma=be,!neg] -> Y[mention] -> _[lemma='s] ->* T[title,!" + leaderTitles + "]", Subj: per, Obj: org,
		Notes: "Ana Ruiz, who is Vela Partners' senior scientist, → works_for Vela Partners"},
	// "the Speaker of the House, Ana Ruiz": the parser hangs the name off
	// the organisation next to it
	{Name: "reverse-appos-title-of-name", Pred: "role", Path: "X <appos _[case=of] <nmod T[title,left]", Subj: per,
		Notes: "the state's Speaker of the House, Ana Ruiz, → role Speaker"},
	// coordinated titles, read on the surface: the parser joins the second
	// title to the first unreliably (acting read as a verb)
	{Name: "coord-appos-leader-of", Pred: "leads", Role: true, Path: "X -> _[comma] ->* _[title] -> _[lemma=and] ->* T[title," + leaderTitles + "] -> _[lemma=of] -> Y", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz, budget chief and acting director of the Vela Bureau, → role acting director, leads Vela Bureau"},
	// "X, an Illinois Republican and co-chair of the Y Caucus": a party
	// word heads the first conjunct, which is no title
	{Name: "party-coord-appos-leader-of", Pred: "leads", Role: true, Path: "X -> _[comma] ->* _[" + partyWords + "] -> _[lemma=and] ->* T[title," + leaderTitles + "] -> _[lemma=of] -> Y", Subj: per, Obj: orgLoc,
		Notes: "Ana Ruiz, a Texas Republican and chairman of the Vela Committee, → leads Vela Committee"},
	{Name: "coord-appos-title-of", Pred: "works_for", Role: true, Path: "X -> _[comma] ->* _[title] -> _[lemma=and] ->* T[title,!" + leaderTitles + "] -> _[lemma=of|at|for] -> Y", Subj: per, Obj: org,
		Notes: "Ana Ruiz, a partner and senior counsel at Vela Partners, → works_for Vela Partners"},
	{Name: "coord-appos-second-title", Pred: "role", Path: "X -> _[comma] ->* _[title] -> _[lemma=of|at|for] -> _[mention] -> _[lemma=and] ->* T[title]", Subj: per,
		Notes: "Ana Ruiz, coordinator of the Vela Coalition and a former Treasury official, → role official"},
	// "Y, a regulator headed by Ana Ruiz": a passive of a verb of office
	{Name: "passive-leads", Pred: "leads", Path: "X <obl:agent V[" + leadVerbs + ",!neg,!modal] >nsubj:pass Y", Subj: per, Obj: org,
		Notes: "the Vela Bureau is headed by Ana Ruiz → Ana Ruiz leads Vela Bureau"},
	{Name: "reduced-passive-leads", Pred: "leads", Path: "X <obl:agent V[" + leadVerbs + ",!neg,!modal] <acl Y", Subj: per, Obj: org,
		Notes: "the Vela Bureau, headed by Ana Ruiz, → leads"},
	{Name: "appos-passive-leads", Pred: "leads", Path: "X <obl:agent V[" + leadVerbs + ",!neg,!modal] <acl _[!mention] <appos Y", Subj: per, Obj: org,
		Notes: "the Vela Bureau, a regulator headed by Democrat Ana Ruiz, → leads"},
	{Name: "org-of-leader", Pred: "leads", Path: "X[case=of] <nmod Y[lemma=government|administration|regime|cabinet]", Subj: per, Obj: org,
		Notes: "the Ruritanian government of Ana Ruiz → Ana Ruiz leads Ruritanian government"},

	// --- titles before the name, read on the surface (<-): the parser
	// attaches title words before a name unreliably
	{Name: "title-name", Pred: "role", Path: "X <- T[title]", Subj: per,
		Notes: "Senate Majority Leader Ana Ruiz, former FBI Director Ana Ruiz → role"},
	{Name: "plural-title-names", Pred: "role", Path: "X <conj _ <- T[title,plural]", Subj: per,
		Notes: "Senators Ana Ruiz and Tom Vail → Tom Vail role Senator too"},
	{Name: "org-leader-name", Pred: "leads", Role: true, Path: "X <- T[title," + leaderTitles + "] <- Y[!lemma=senate|house,!case,!prep]", Subj: per, Obj: org,
		Notes: "Vela Group Chairman Ana Ruiz → leads Vela Group"},
	{Name: "org-title-name", Pred: "works_for", Role: true, Path: "X <- T[title,!" + leaderTitles + ",!" + envoyTitles + "] <- Y[!case,!prep,!chamber]", Subj: per, Obj: org,
		Notes: "Justice Department spokeswoman Ana Ruiz → works_for"},
	{Name: "chamber-title-name", Pred: "member_of", Role: true, Path: "X <- T[title] <- Y[lemma=senate|house]", Subj: per, Obj: org,
		Notes: "Senate Majority Leader Ana Ruiz → member_of Senate"},
	{Name: "place-leader-name", Pred: "leads", Role: true, Path: "X <- T[title," + leaderTitles + "] <- Y[!case,!prep]", Subj: per, Obj: loc,
		Notes: "Ruritanian President Ana Ruiz (when the place is a name) → leads"},
	{Name: "place-title-name", Pred: "works_for", Role: true, Path: "X <- T[title," + officeTitles + "] <- Y[!case,!prep]", Subj: per, Obj: loc,
		Notes: "U.S. Deputy Attorney General Ana Ruiz → works_for United States (offices of a state only)"},
	{Name: "place-occupation-name", Pred: "lives_in", Path: "X <- T[title,!" + officeTitles + ",!" + leaderTitles + "] <- Y", Subj: per, Obj: loc,
		Notes: "Lagos nightclub owner Ana Ruiz → lives_in Lagos (a town does not employ its reporters)"},
	{Name: "demonym-leader-name", Pred: "leads", Demonym: true, Path: "X <- T[title," + leaderTitles + "] <- Y[demonym]", Subj: per,
		Notes: "Ruritanian President Ana Ruiz → leads Ruritania"},
	{Name: "demonym-title-name", Pred: "works_for", Demonym: true, Path: "X <- T[title," + officeTitles + "] <- Y[demonym]", Subj: per,
		Notes: "Ruritanian Foreign Minister Ana Ruiz → works_for Ruritania"},
	// a nationality before a private occupation (no office, no leader, no
	// candidacy or membership of a body) says whose citizen the holder is:
	// the job names no employer, the adjective the country (session 12)
	{Name: "demonym-occupation-name", Pred: "citizen_of", Demonym: true, Path: "X <- T[title,!" + officeTitles + ",!" + leaderTitles + ",!" + notCitizenTitles + "] <- Y[demonym]", Subj: per,
		Notes: "Ruritanian lawyer Ana Ruiz, Ruritanian businessman Tom Vail → citizen_of Ruritania"},
	{Name: "party-title-name", Pred: "member_of", Path: "X <- T[title] <- Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Republican Senator Ana Ruiz → member_of Republican"},
	{Name: "party-name", Pred: "member_of", Path: "X <- Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Democrat Ana Ruiz → member_of Democrat"},
	// the same read on the tree, where the parser did attach them
	{Name: "compound-title", Pred: "role", Path: "X >compound|amod T[title,left]", Subj: per,
		Notes: "Senate Majority Leader Ana Ruiz → role Senate Majority Leader"},
	{Name: "org-compound-title", Pred: "works_for", Role: true, Path: "X >compound T[title,left] >compound Y[left]", Subj: per, Obj: org,
		Notes: "Vela Group chief strategist Ana Ruiz → works_for Vela Group"},
	{Name: "org-sibling-title", Pred: "works_for", Role: true, Path: "X >compound T[title,left] <compound _ >compound Y[left]", Subj: per, Obj: org,
		Notes: "FBI Director Ana Ruiz (FBI and Director both modify the name)"},
	{Name: "poss-title-name", Pred: "works_for", Role: true, Path: "X >compound T[title,left] >nmod:poss Y", Subj: per, Obj: orgLoc,
		Notes: "Vela's chief strategist Ana Ruiz → works_for Vela"},
	// a country's or a state's leader or officer named after its
	// possessive (session 12): the place is the polity, never kin or a
	// person's aide (Obj loc: "Trump's Commerce Secretary X" is no place's)
	{Name: "surface-poss-place-leader-name", Pred: "leads", Role: true, Path: "X <- T[title," + leaderTitles + "] <- _[lemma='s|’s] <- Y", Subj: per, Obj: loc,
		Notes: "Ruritania's Queen Ana, Ruritania's former President Tom Vail → leads Ruritania (read on the surface: the parser hangs the possessive on the name)"},
	{Name: "surface-poss-place-title-name", Pred: "works_for", Role: true, Path: "X <- T[title," + officeTitles + "] <- _[lemma='s|’s] <- Y", Subj: per, Obj: loc,
		Notes: "Ruritania's Foreign Minister Ana Ruiz → works_for Ruritania"},
	{Name: "poss-name", Pred: "works_for", Path: "X >nmod:poss Y", Subj: per, Obj: org,
		Notes: "Vela's Ana Ruiz → works_for Vela"},
	{Name: "party-premodifier", Pred: "member_of", Path: "X >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Republican Senator Ana Ruiz → member_of Republican"},
	{Name: "party-appos", Pred: "member_of", Path: "X >appos Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, a Democrat, → member_of Democrat"},
	{Name: "party-appos-surface", Pred: "member_of", Path: "X -> _[comma] ->* Y[det=a|an," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, a Republican, …; Ana Ruiz, an Ohio Democrat, … (read on the surface: the parser often makes it a conjunct)"},
	{Name: "party-member-on", Pred: "member_of", Path: "X >appos _[" + partyWords + "] >nmod Y[case=on]", Subj: per, Obj: org,
		Notes: "Ana Ruiz, the leading Democrat on the Senate Banking Committee, → member_of Senate Banking Committee"},
	{Name: "party-including", Pred: "member_of", Path: "X[case=including] <nmod Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Democrats including Senator Ana Ruiz → member_of Democrats"},
	{Name: "party-member-on-sibling", Pred: "member_of", Path: "X >appos _[" + partyWords + "] <appos _ >nmod Y[case=on]", Subj: per, Obj: org,
		Notes: "the same where the parser hangs on the committee from the name"},
	{Name: "party-title-names", Pred: "member_of", Path: "X <conj _[mention] <- T[title,plural] <- Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Republican Senators Ana Ruiz and Tom Vail → Tom Vail member_of Republican (the plural title makes the party both names'; the first conjunct a name: Republican lawmakers and President X)"},
	{Name: "party-names-conj", Pred: "member_of", Path: "X <conj _[mention] <- Y[plural," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Democrats Ana Ruiz and Tom Vail → Tom Vail member_of Democrats (the first conjunct a name: Republicans conceded, and Ruiz …)"},
	{Name: "party-appos-title", Pred: "member_of", Path: "X >appos T[title,det=a|an|the] >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, a Democratic member of the Vela Commission, …; Ana Ruiz, the Republican nominee, … → member_of (with its article: a bare title is often a misread list, Republican Senator A, Democratic Senator B)"},
	{Name: "party-appos-title-of", Pred: "member_of", Path: "X >appos T[title] >nmod _[case=of] <nmod _ >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, Republican chairman of the tax committee, … → member_of Republican"},
	{Name: "party-appos-the-surface", Pred: "member_of", Path: "X -> _[comma] ->* Y[det=the,!plural," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, the No. 2 Senate Republican, … (the parser often makes it a conjunct; a plural is a list: X, the Republicans and …)"},
	{Name: "party-poss-surface-amod", Pred: "member_of", Path: "X -> _[comma] ->* _ <nmod:poss _ <amod Y[!plural," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, the committee's top Democrat, … read from the comma: the parser makes the appositive a conjunct and hangs the possessor on the adjective"},
	{Name: "party-rival-name", Pred: "member_of", Path: "X <- T[" + partySideNouns + "] <- Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Democratic rival Ana Ruiz, Republican incumbent Ana Ruiz → member_of (a side in a race, not an office: no title)"},
	{Name: "party-fellow-surface", Pred: "member_of", Path: "X -> _[lemma=and|'s] -> _[lemma=fellow] -> Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz and fellow Republicans, Ana Ruiz's fellow Democrats → member_of (fellow makes her one of them; read on the surface, the parser hangs these anywhere)"},
	{Name: "party-fellow-his-surface", Pred: "member_of", Path: "X -> _[lemma=and] -> _[lemma=his|her] -> _[lemma=fellow] -> Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz and her fellow Republicans → member_of Republicans"},
	{Name: "party-copula", Pred: "member_of", Path: "X <nsubj Y[cop,!neg,!modal,!plural," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz is a Democrat; Ana Ruiz was the top Republican on the panel → member_of"},
	{Name: "party-copula-title", Pred: "member_of", Path: "X <nsubj T[title,cop,!neg,!modal] >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz is a veteran Republican strategist → member_of Republican"},
	// a ranked party noun is an office in its chamber: No. 2 Senate Republican
	{Name: "rank-party-appos-surface", Pred: "role", Path: "X -> _[comma] ->* T[det=the,rank,!plural," + partyWords + "]", Subj: per,
		Notes: "Ana Ruiz, the No. 2 Senate Republican, … → role No. 2 Senate Republican"},
	{Name: "rank-chamber-appos-surface", Pred: "member_of", Path: "X -> _[comma] ->* _[det=the,rank,!plural," + partyWords + "] <- Y[" + chamberWords + "]", Subj: per, Obj: org,
		Notes: "Ana Ruiz, the No. 2 Senate Republican, … → member_of Senate"},
	{Name: "rank-party-name", Pred: "role", Path: "X <- T[rank," + partyWords + "]", Subj: per,
		Notes: "No. 2 House Democrat Ana Ruiz → role No. 2 House Democrat"},
	{Name: "rank-chamber-name", Pred: "member_of", Path: "X <- _[rank," + partyWords + "] <- Y[" + chamberWords + "]", Subj: per, Obj: org,
		Notes: "No. 2 House Democrat Ana Ruiz → member_of House"},
	// a party side in a race, after the name or before it with a comma
	{Name: "party-rival-reverse-appos", Pred: "member_of", Path: "X <appos _[" + partySideNouns + "] >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Trump's Democratic opponent, Ana Ruiz, … → member_of Democratic"},
	{Name: "party-person-appos", Pred: "member_of", Path: "X >appos _[det=a|an|the," + partyPersonNouns + "] >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, a leading Republican fiscal hawk, … → member_of Republican (a word for a politician, not an office)"},
	{Name: "party-person-appos-surface", Pred: "member_of", Path: "X -> _[comma] ->* _[det=a|an|the," + partyPersonNouns + "] >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "the same where the parser makes the appositive a conjunct"},

	// "X and Y, both Republicans": the plural party noun is each name's
	{Name: "party-both-surface", Pred: "member_of", Path: "X -> _[comma] -> _[lemma=both] -> Y[plural," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Tom Vail and Ana Ruiz, both Republicans, … → Ana Ruiz member_of Republicans"},
	{Name: "party-both-first-surface", Pred: "member_of", Path: "X -> _[lemma=and] ->* _[mention] -> _[comma] -> _[lemma=both] -> Y[plural," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Tom Vail and Ana Ruiz, both Republicans, … → Tom Vail member_of Republicans"},
	// a relative clause with a copula and a party adjective on the title
	{Name: "party-relcl-title", Pred: "member_of", Path: "X >acl:relcl T[title,cop,!neg,!modal] >amod|compound Y[left," + partyWords + "]", Subj: per, Obj: party,
		Notes: "Ana Ruiz, who is the Republican candidate for the seat, … → member_of Republican"},

	// --- where a politician is from. A state's name on the party word
	// (a Texas Republican) names an officeholder's state: works_for, as
	// Texas Senator X does (the gold takes a polity as employer); "a
	// Democrat from Ohio" may be a voter as well: lives_in.
	{Name: "state-party-appos-surface", Pred: "works_for", Path: "X -> _[comma] ->* _[det=a|an," + partyWords + "] <- Y", Subj: per, Obj: loc,
		Notes: "Ana Ruiz, a Texas Republican, … → works_for Texas (read on the surface, as party-appos-surface)"},
	{Name: "party-from-appos-surface", Pred: "lives_in", Path: "X -> _[comma] ->* _[det=a|an," + partyWords + "] -> _[lemma=from] -> Y", Subj: per, Obj: loc,
		Notes: "Ana Ruiz, a Democrat from Ohio, …; Ana Ruiz, a moderate Republican from Maine, … → lives_in"},
	{Name: "state-party-name", Pred: "works_for", Path: "X <- _[" + partyWords + "] <- Y", Subj: per, Obj: loc,
		Notes: "Ohio Democrat Ana Ruiz → works_for Ohio"},
	// a legislator's state before the title: the state the seat is
	// for (works_for, as U.S. Senator X works for the United States)
	{Name: "state-legislator-name", Pred: "works_for", Path: "X <- T[" + legislatorTitles + "] <- Y[!prep]", Subj: per, Obj: loc,
		Notes: "Iowa Senator Ana Ruiz → works_for Iowa"},
	{Name: "state-legislator-names", Pred: "works_for", Path: "X <conj _[mention] <- T[plural," + legislatorTitles + "] <- Y[!prep]", Subj: per, Obj: loc,
		Notes: "Iowa Senators Tom Vail and Ana Ruiz → Ana Ruiz works_for Iowa"},
	{Name: "state-party-legislator-name", Pred: "works_for", Path: "X <- T[" + legislatorTitles + "] <- _[" + partyWords + "] <- Y[!prep]", Subj: per, Obj: loc,
		Notes: "Texas Republican Representative Ana Ruiz → works_for Texas"},
	{Name: "party-reverse-appos", Pred: "member_of", Path: "X <appos Y[" + partyWords + "]", Subj: per, Obj: party,
		Notes: "a Democrat from Ohio, Ana Ruiz, … → member_of Democrat"},

	// --- relative clauses and verbs of office
	{Name: "relcl-leads", Pred: "leads", Path: "X >acl:relcl V[" + leadVerbs + ",!neg,!modal] >obj Y", Subj: per, Obj: org,
		Notes: "Ana Ruiz, who heads the Vela Group, → leads"},
	{Name: "svo-leads", Pred: "leads", Path: "X[!caps] <nsubj V[" + leadVerbs + ",!neg,!modal] >obj Y", Subj: per, Obj: org,
		Notes: "Ana Ruiz heads the Vela Group"},
	{Name: "works-for-verb", Pred: "works_for", Path: "X[!caps] <nsubj V[lemma=work,!neg,!modal] >obl Y[case=for|at]", Subj: per, Obj: org,
		Notes: "Ana Ruiz works for Vela"},

	// --- control, support, opposition, attack, killing
	{Name: "svo-controls", Pred: "controls", Path: "X[!caps] <nsubj V[" + controlVerbs + ",!neg,!modal] >obj Y", Subj: actor, Obj: loc,
		Notes: "the Tarsis Front controls Kessel"},
	{Name: "svo-controls-chamber", Pred: "controls", Path: "X[!caps] <nsubj V[lemma=control,!neg,!modal] >obj Y[lemma=house|senate|congress|parliament|legislature]", Subj: party, Obj: org,
		Notes: "Republicans control the Senate"},
	{Name: "svo-controls-chamber-conj", Pred: "controls", Path: "X[!caps] <nsubj V[lemma=control,!neg,!modal] >obj _ >conj Y[lemma=house|senate|congress|parliament|legislature]", Subj: party, Obj: org,
		Notes: "Republicans control the House and the Senate"},
	{Name: "passive-controls", Pred: "controls", Path: "X[!caps] <obl:agent V[" + controlVerbs + ",!neg,!modal] >nsubj:pass Y", Subj: actor, Obj: loc,
		Notes: "Kessel is held by the Tarsis Front"},
	{Name: "reduced-passive-controls", Pred: "controls", Path: "X[!caps] <obl:agent V[" + controlVerbs + ",!neg,!modal] <acl Y", Subj: actor, Obj: loc,
		Notes: "Kessel, held by the Tarsis Front, → Tarsis Front controls Kessel"},
	{Name: "control-of", Pred: "controls", Path: "X[!caps] <nsubj V[lemma=have|take|gain|keep|retain|seize,!neg,!modal] >obj _[lemma=control] >nmod Y[case=of|over]", Subj: actor, Obj: loc,
		Notes: "the Front took control of Kessel"},
	{Name: "svo-backs", Pred: "backs", Path: "X[!caps] <nsubj V[" + backVerbs + ",!neg,!modal] >obj Y", Subj: actor, Obj: anyName,
		Notes: "Moscow backs the Tarsis Front"},
	{Name: "passive-backs", Pred: "backs", Path: "X[!caps] <obl:agent V[" + backVerbs + ",!neg,!modal] >nsubj:pass|acl Y", Subj: actor, Obj: anyName,
		Notes: "the Front is backed by Moscow"},
	{Name: "reduced-passive-backs", Pred: "backs", Path: "X[!caps] <obl:agent V[" + backVerbs + ",!neg,!modal] <acl Y", Subj: actor, Obj: anyName,
		Notes: "the Front, backed by Moscow, …"},
	{Name: "appos-passive-backs", Pred: "backs", Path: "X[!caps] <obl:agent V[" + backVerbs + ",!neg,!modal] <acl _[!mention] <appos Y", Subj: actor, Obj: anyName,
		Notes: "the Vela Review, a magazine backed by donor Ana Ruiz, → Ana Ruiz backs Vela Review"},
	// a critic or an opponent of Y, as an appositive, a copula or a noun
	// before the name ("frequent Trump critic X"): opposition as a standing
	{Name: "appos-critic-of", Pred: "opposes", Path: "X >appos _[lemma=critic|opponent] >nmod Y[case=of]", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "Ana Ruiz, a vocal critic of Tom Hale, … → Ana Ruiz opposes Tom Hale"},
	{Name: "copula-critic-of", Pred: "opposes", Path: "X <nsubj _[lemma=critic|opponent,cop,!neg] >nmod Y[case=of]", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "Ana Ruiz has been a vocal critic of the Vela Times → opposes"},
	{Name: "name-critic-name", Pred: "opposes", Path: "X <- _[lemma=critic] <- Y", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "frequent Tom Hale critic Ana Ruiz → Ana Ruiz opposes Tom Hale"},
	{Name: "svo-opposes", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[" + opposeVerbs + ",!neg,!modal] >obj Y", Subj: actor, Obj: anyName,
		Notes: "Ana Ruiz opposes the Vela plan"},
	// session 11: accusation and derision, relative clauses, complaints
	// said with a preposition, and a rival in a race
	{Name: "svo-accuses", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[" + accuseVerbs + ",!neg,!modal] >obj Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz accused Tom Hale of lying → Ana Ruiz opposes Tom Hale"},
	{Name: "relcl-opposes", Pred: "opposes", Path: "X[!caps,!paren] >acl:relcl V[" + opposeVerbs + ",!neg,!modal] >obj Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz, who criticized Tom Hale, … → opposes"},
	{Name: "relcl-accuses", Pred: "opposes", Path: "X[!caps,!paren] >acl:relcl V[" + accuseVerbs + ",!neg,!modal] >obj Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz, who accused Tom Hale of lying, … → opposes"},
	{Name: "surface-relcl-accuses", Pred: "opposes", Path: "X -> _[comma] -> _[lemma=who] -> V[" + accuseVerbs + "] -> Y", Subj: per, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz, who accused Tom Hale, …: the parser often makes the relative clause a parataxis"},
	{Name: "svo-opposes-against", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[lemma=rail|lash|inveigh|campaign|testify,!neg,!modal] >obl Y[case=against|at]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz railed against the Tarsis Bureau, lashed out at Tom Hale → opposes"},
	{Name: "lawsuit-against", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[lemma=file|bring|launch|win|lose,!neg,!modal] >obj _[lemma=lawsuit|suit|complaint|case|challenge] >nmod Y[case=against]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "the Vela Society filed a lawsuit against the Tarsis Bureau → opposes"},
	{Name: "lawsuit-against-obl", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[lemma=file|bring|launch,!neg,!modal] >obl Y[case=against]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "the Vela Society filed suit on Monday against the Tarsis Bureau (against hangs on the verb)"},
	{Name: "rival-reverse-appos", Pred: "opposes", Path: "X <appos _[lemma=opponent|rival|challenger] >nmod:poss Y[left]", Subj: per, Obj: per,
		Notes: "Tom Hale's Democratic opponent, Ana Ruiz, → Ana Ruiz opposes Tom Hale (a side in a race)"},
	{Name: "rival-poss-name", Pred: "opposes", Path: "X >compound|nmod:desc _[lemma=opponent|rival|challenger,left] >nmod:poss Y[left]", Subj: per, Obj: per,
		Notes: "Tom Hale's rival Ana Ruiz → Ana Ruiz opposes Tom Hale"},
	{Name: "surface-rival-poss-name", Pred: "opposes", Path: "X <- _[lemma=opponent|rival|challenger] <- _[lemma='s|’s] <- Y", Subj: per, Obj: per,
		Notes: "Tom Hale's rival Ana Ruiz (the parser's tree lost)"},
	// a side in a race runs against the other (session 13)
	{Name: "svo-runs-against", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[lemma=run|compete,!neg,!modal] >obl Y[case=against]", Subj: per, Obj: per,
		Notes: "Ana Ruiz ran against Tom Hale in the primary → opposes"},
	{Name: "relcl-runs-against", Pred: "opposes", Path: "X[!caps,!paren] >acl:relcl V[lemma=run|compete,!neg,!modal] >obl Y[case=against]", Subj: per, Obj: per,
		Notes: "Ana Ruiz, who ran against Tom Hale, … → opposes"},
	{Name: "race-against", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[!neg,!modal] >obl|obj _[lemma=race|contest|runoff|election] >nmod Y[case=against]", Subj: per, Obj: per,
		Notes: "Ana Ruiz won the Senate race against Tom Hale → opposes"},
	{Name: "poss-race-against", Pred: "opposes", Path: "X <nmod:poss _[lemma=race|contest|runoff|bid|campaign] >nmod Y[case=against]", Subj: per, Obj: per,
		Notes: "Ana Ruiz's race against Tom Hale → opposes"},
	{Name: "svo-campaigns-for", Pred: "backs", Path: "X[!caps,!paren] <nsubj V[lemma=campaign|stump,!neg,!modal] >obl Y[case=for]", Subj: per, Obj: per,
		Notes: "Ana Ruiz campaigned for Tom Hale → backs"},
	{Name: "svo-campaigns-for-obj", Pred: "backs", Path: "X[!caps,!paren] <nsubj V[lemma=campaign|stump,!neg,!modal] >obl _[lemma=for] >obj Y", Subj: per, Obj: per,
		Notes: "Ana Ruiz campaigned for Tom Hale, where the parser makes the name the object of for"},
	{Name: "svo-opposes-appos", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[" + opposeVerbs + "|" + strings.TrimPrefix(accuseVerbs, "lemma=") + ",!neg,!modal] >obj _[!mention,!title] >appos Y", Subj: actor, Obj: per,
		Notes: "Ana Ruiz criticized Hale's Democratic opponent, Tom Vail → Ana Ruiz opposes Tom Vail"},
	// a call to quit an office (session 12): "called on X to resign",
	// "urged X to step down", "called for X to drop out"; a person's or a
	// named body's call (session 13), never a party word's ("some
	// Republicans in the state called for X to step down" is no party's)
	{Name: "calls-to-resign", Pred: "opposes", Path: "X[!caps,!paren,!" + partyWords + "] <nsubj V[" + callVerbs + ",!neg,!modal] >xcomp|advcl _[lemma=resign|quit] <xcomp|advcl _ >obj|obl Y", Subj: perOrg, Obj: per,
		Notes: "Ana Ruiz called on Tom Vail to resign → Ana Ruiz opposes Tom Vail"},
	{Name: "calls-to-step-down", Pred: "opposes", Path: "X[!caps,!paren,!" + partyWords + "] <nsubj V[" + callVerbs + ",!neg,!modal] >xcomp|advcl _[lemma=step|drop] -> _[lemma=down|aside|out] <- _ <xcomp|advcl _ >obj|obl Y", Subj: perOrg, Obj: per,
		Notes: "Ana Ruiz urged Tom Vail to step down, to drop out → Ana Ruiz opposes Tom Vail (not: to step up efforts)"},
	// a call for an official's removal (session 13): "called for X's
	// resignation", "demanded the ouster of X"; "said X should resign".
	// A person or a named body calls; a party word ("Democrats called
	// for X's resignation") is no named body, as in calls-to-resign
	{Name: "calls-for-resignation", Pred: "opposes", Path: "X[!caps,!paren,!" + partyWords + "] <nsubj V[" + callVerbs + "|seek,!neg,!modal] >obl|obj _[" + removalNouns + "] >nmod:poss Y", Subj: perOrg, Obj: per,
		Notes: "Ana Ruiz called for Tom Vail's resignation → Ana Ruiz opposes Tom Vail"},
	{Name: "calls-for-resignation-of", Pred: "opposes", Path: "X[!caps,!paren,!" + partyWords + "] <nsubj V[" + callVerbs + "|seek,!neg,!modal] >obl|obj _[" + removalNouns + "] >nmod Y[case=of]", Subj: perOrg, Obj: per,
		Notes: "the Vela union demanded the resignation of Tom Vail → opposes"},
	{Name: "says-should-resign", Pred: "opposes", Path: "X[!caps,!paren,!" + partyWords + "] <nsubj V[lemma=say|believe|think|insist,!neg,!modal] >ccomp R[lemma=resign|quit,aux=should|must,!neg,!cond] >nsubj Y", Subj: perOrg, Obj: per,
		Notes: "Ana Ruiz said Tom Vail should resign → opposes (not: said Tom Vail would resign)"},
	{Name: "says-should-step-down", Pred: "opposes", Path: "X[!caps,!paren,!" + partyWords + "] <nsubj V[lemma=say|believe|think|insist,!neg,!modal] >ccomp R[lemma=step,aux=should|must,!neg,!cond] -> _[lemma=down|aside] <- _ >nsubj Y", Subj: perOrg, Obj: per,
		Notes: "Ana Ruiz said Tom Vail should step down → opposes"},
	{Name: "copula-critical-of", Pred: "opposes", Path: "X[!caps,!paren] <nsubj A[lemma=critical,cop,!neg,!modal] >obl|nmod Y[case=of]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz has been critical of Tom Hale → opposes"},
	{Name: "poss-criticism-of", Pred: "opposes", Path: "X <nmod:poss _[lemma=criticism|critique|condemnation|denunciation|attack] >nmod Y[case=of|on|against]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz's criticism of the Tarsis Bureau → opposes"},
	// a supporter or a defender of Y, as an appositive, a copula or a noun
	// before the name: support as a standing, like critic-of
	{Name: "appos-supporter-of", Pred: "backs", Path: "X >appos _[lemma=supporter|backer|defender|champion] >nmod Y[case=of]", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "Ana Ruiz, a staunch supporter of Tom Hale, … → backs"},
	{Name: "copula-supporter-of", Pred: "backs", Path: "X <nsubj _[lemma=supporter|backer|defender|champion,cop,!neg] >nmod Y[case=of]", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "Ana Ruiz was an early supporter of Tom Hale → backs"},
	{Name: "appos-poss-supporter", Pred: "backs", Path: "X >appos _[lemma=supporter|backer|defender] >nmod:poss Y", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "Ana Ruiz, Hale's staunchest defender, … → backs"},
	{Name: "appos-one-of-poss-supporters", Pred: "backs", Path: "X >appos _[lemma=one] >nmod _[lemma=supporter|backer|defender] >nmod:poss Y", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "Ana Ruiz, one of Hale's staunchest defenders, … → backs"},
	{Name: "relcl-backs", Pred: "backs", Path: "X[!caps,!paren] >acl:relcl V[" + backVerbs + ",!neg,!modal] >obj Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Tom Hale, who endorsed Ana Ruiz, … → backs"},
	{Name: "svo-backs-appos", Pred: "backs", Path: "X[!caps,!paren] <nsubj V[" + backVerbs + ",!neg,!modal] >obj _[!mention,!title] >appos Y", Subj: actor, Obj: per,
		Notes: "Ana Ruiz backed Hale's opponent, Tom Vail → Ana Ruiz backs Tom Vail"},
	{Name: "voices-support-for", Pred: "backs", Path: "X[!caps,!paren] <nsubj V[lemma=voice|express|throw|pledge|offer|lend|declare|announce|reiterate|signal|remain,!neg,!modal] >obj|obl _[lemma=support|backing] >nmod Y[case=for|behind|of]", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz voiced support for Tom Hale, threw her support behind Tom Hale → backs"},
	{Name: "voices-support-for-obj", Pred: "backs", Path: "X[!caps,!paren] <nsubj V[lemma=voice|express|throw|pledge|offer|lend|declare|announce|reiterate|signal|remain,!neg,!modal] >obj|obl _[lemma=support|backing] >nmod _[lemma=for|behind] >obj Y", Subj: actor, Obj: []string{"PER", "ORG", "LOC"},
		Notes: "Ana Ruiz voiced support for Tom Hale, where the parser makes the name the object of for"},
	{Name: "voted-for", Pred: "backs", Path: "X[!caps,!paren] <nsubj V[lemma=vote,!neg,!modal] >obl Y[case=for]", Subj: per, Obj: per,
		Notes: "Ana Ruiz voted for Tom Hale → backs"},
	{Name: "voted-for-obj", Pred: "backs", Path: "X[!caps,!paren] <nsubj V[lemma=vote,!neg,!modal] >obl _[lemma=for] >obj Y", Subj: per, Obj: per,
		Notes: "Ana Ruiz voted for Tom Hale, where the parser makes the name the object of for"},
	{Name: "svo-attacks-verbal", Pred: "opposes", Path: "X[!caps,!paren] <nsubj V[lemma=attack,!neg,!modal] >obj Y", Subj: per, Obj: []string{"PER", "ORG"},
		Notes: "Ana Ruiz attacked the Vela Bureau: a person's attack on a person or a body is words (opposes); armies and states attack with svo-attacked"},
	{Name: "svo-attacked", Pred: "attacked", Path: "X[!caps] <nsubj V[" + attackVerbs + ",!neg,!modal] >obj Y", Subj: orgLoc, Obj: anyName,
		Notes: "the Front attacked Kessel"},
	{Name: "passive-attacked", Pred: "attacked", Path: "X[!caps] <obl:agent V[" + attackVerbs + ",!neg,!modal] >nsubj:pass Y", Subj: actor, Obj: anyName,
		Notes: "Kessel was attacked by the Front"},
	{Name: "svo-killed", Pred: "killed", Path: "X[!caps] <nsubj V[" + killVerbs + ",!neg,!modal] >obj Y", Subj: []string{"PER", "ORG"}, Obj: per,
		Notes: "Ana Ruiz killed Tom Vail"},
	{Name: "passive-killed", Pred: "killed", Path: "X[!caps] <obl:agent V[" + killVerbs + ",!neg,!modal] >nsubj:pass Y", Subj: []string{"PER", "ORG"}, Obj: per,
		Notes: "Tom Vail was killed by Ana Ruiz"},

	// --- hyphenated relations (X-based Y, X-led Y), read on the surface:
	// the tokeniser splits them as the UD treebank does (X - based Y)
	{Name: "x-based-y", Pred: "based_in", Path: "X <- _[lemma=base|headquarter] <- _[lemma=-] <- Y", Subj: org, Obj: loc,
		Notes: "the Lagos-based Vela Group → Vela Group based_in Lagos"},
	{Name: "x-led-y", Pred: "controls", Path: "X -> _[lemma=-] -> _[lemma=lead|control|run|dominate] -> Y", Subj: party, Obj: party,
		Notes: "the Republican-led House → Republican controls House"},
	{Name: "x-held-y", Pred: "controls", Path: "X -> _[lemma=-] -> _[lemma=hold|control|occupy|run] -> Y", Subj: actor, Obj: loc,
		Notes: "rebel-held Kessel needs a named holder: the Tarsis-held Kessel"},
	{Name: "x-backed-y", Pred: "backs", Path: "X -> _[lemma=-] -> _[lemma=back|fund|support|sponsor|arm] -> Y", Subj: actor, Obj: anyName,
		Notes: "the Moscow-backed Tarsis Front → Moscow backs Tarsis Front"},
	{Name: "vocative-passive-controls", Pred: "controls", Path: "X[!caps] <obl:agent V[" + controlVerbs + ",!neg,!modal] >vocative|dep|parataxis|nsubj Y[left]", Subj: actor, Obj: loc,
		Notes: "Kessel, held by the Tarsis Front (the parser makes Kessel hang off held)"},

	{Name: "relcl-killed", Pred: "killed", Path: "X >acl:relcl V[" + killVerbs + ",!neg,!modal] >obj Y", Subj: per, Obj: per,
		Notes: "Ana Ruiz, who killed Tom Vail, … (the relative pronoun is the subject)"},
	{Name: "conj-killed", Pred: "killed", Path: "X[!caps] <nsubj _[lemma=shoot|stab|attack|beat|strangle] >conj V[" + killVerbs + ",!neg,!modal] >obj Y", Subj: per, Obj: per,
		Notes: "Ana Ruiz shot and killed Tom Vail"},
	{Name: "killing-of-by", Pred: "killed", Path: "X[case=by] <nmod N[lemma=assassination|murder|killing|slaying|execution] >nmod Y[case=of]", Subj: per, Obj: per,
		Notes: "the assassination of Tom Vail by Ana Ruiz"},
	{Name: "assassin-poss", Pred: "killed", Path: "X <appos|nsubj N[lemma=assassin|killer|murderer,!neg,!modal] >nmod:poss Y", Subj: per, Obj: per,
		Notes: "Tom Vail's assassin, Ana Ruiz; Ana Ruiz was Tom Vail's killer"},
	{Name: "appos-assassin-poss", Pred: "killed", Path: "X >appos N[lemma=assassin|killer|murderer] >nmod:poss|nmod Y", Subj: per, Obj: per,
		Notes: "Ana Ruiz, Tom Vail's assassin / the assassin of Tom Vail"},

	{Name: "copula-part-of", Pred: "member_of", Path: "X <nsubj _[lemma=part,cop,!neg,!modal] >nmod Y[case=of]", Subj: org, Obj: org,
		Notes: "the Vela Bureau is part of the Justice Ministry → member_of"},

	// --- places and seats
	{Name: "based-in", Pred: "based_in", Path: "X <nsubj:pass V[lemma=base|headquarter] >obl Y[case=in]", Subj: org, Obj: loc,
		Notes: "Vela is based in Lagos"},
	{Name: "reduced-based-in", Pred: "based_in", Path: "X >acl V[lemma=base|headquarter] >obl Y[case=in]", Subj: org, Obj: loc,
		Notes: "Vela, based in Lagos, …"},
	{Name: "place-comma-place", Pred: "located_in", Path: "X >appos Y[right]", Subj: loc, Obj: loc,
		Notes: "Kessel, Northern Marches"},
	{Name: "person-of-place", Pred: "lives_in", Path: "X >nmod Y[case=of|from]", Subj: per, Obj: loc,
		Notes: "Senator Ana Ruiz of Ohio"},
}

// rewrites adjust the predicate a row yields by what the title or the
// object says, for every row: data, like the rows.
var rewrites = []rewrite{
	// a subordinate title works for the organisation, it does not lead it
	{from: "leads", to: "works_for", titleWords: setOf("vice deputy assistant associate under co")},
	// a candidate is not yet in the office or the body
	{from: "leads", to: "", titleWords: candidacyWords},
	{from: "works_for", to: "", titleWords: candidacyWords},
	{from: "member_of", to: "", titleWords: candidacyWords, objectWords: chambers},
	// a Fed governor sits on the Board of seven; its chair leads it
	{from: "leads", to: "member_of", titleWords: fedGovernorWords, object: FedBoard},
	// a chamber's leaders are members of it (Senate Majority Leader)
	{from: "leads", to: "member_of", objectWords: chambers},
	// a member of the Senate is a member, not an employee
	{from: "works_for", to: "member_of", titleWords: setOf("member members")},
	// one works for a firm but is a member of a party
	{from: "works_for", to: "member_of", objectWords: setOf("party labour conservatives tories republicans democrats gop")},
}

// rewrite turns predicate from into to (none when to is empty) when a
// word of the title is in titleWords, the object's last word in
// objectWords and its name agrees with object (a nil set or func always
// agrees).
type rewrite struct {
	from, to                string
	titleWords, objectWords map[string]bool
	object                  func(name string) bool
}

var compileOnce sync.Once

// allRows is every row table in the order the rows run: a fact several rows
// read is kept from the first.
var allRows = slices.Concat(rows, stanceRows, passiveStanceRows, rivalStanceRows)

// Table returns the pattern table, compiled. The rows are shared: do not
// modify them.
func Table() []*Pattern {
	compileOnce.Do(func() {
		for _, p := range allRows {
			_ = p.compile() // Validate reports errors; a broken row matches nothing
			if f, ok := figures[p.Name]; ok {
				p.Precision, p.Support, p.ConllPrecision, p.ConllSupport = f.precision, f.support, f.conllPrecision, f.conllSupport
			}
		}
	})
	return allRows
}

// Validate compiles every row and returns the first error.
func Validate() error {
	for _, p := range allRows {
		if err := p.compile(); err != nil {
			return err
		}
	}
	return nil
}

// Gate returns the rows whose measured precision on Reuters dev is at least
// min and whose support is at least minSupport: Gate(0.8, 1) is the default
// set a caller should run; the rest stay available through Table.
func Gate(min float64, minSupport int) []*Pattern {
	var out []*Pattern
	for _, p := range Table() {
		if p.Precision >= min && p.Support >= minSupport {
			out = append(out, p)
		}
	}
	return out
}
