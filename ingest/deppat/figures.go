package deppat

// figures are the measured precision and support of each row on the 25
// Reuters dev gold articles (any tier) and on CoNLL04 train (five predicates),
// for the predicates the row yields (role rows: role), as printed by
//
//	newsgraph patterns --stats --gold ../shared/eval/reuters-dev-gold.tsv \
//		--corpus ../shared/corpus/reuters-2017.jsonl --conll ../shared/eval/conll04
//
// A fact several rows read counts for the first row of the table only.
// Rerun the command and update this table when the rows or the models change.
var figures = map[string]figure{
	"appos-title":               {0.83, 6, 0.00, 0},
	"copula-title":              {1.00, 1, 0.00, 0},
	"appos-leader-of":           {1.00, 1, 0.00, 0},
	"appos-title-of":            {0.00, 0, 0.57, 7},
	"copula-leader-of":          {0.00, 0, 0.00, 0},
	"copula-title-of":           {0.00, 0, 1.00, 2},
	"surface-appos-leader-of":   {1.00, 2, 0.00, 0},
	"surface-appos-title-of":    {0.00, 0, 1.00, 4},
	"surface-appos-leader-for":  {1.00, 1, 1.00, 1},
	"appos-poss-title":          {0.00, 0, 1.00, 1},
	"reverse-appos-poss-title":  {1.00, 2, 0.00, 3},
	"reverse-appos-org-leader":  {1.00, 1, 0.00, 0},
	"reverse-appos-org-title":   {1.00, 2, 1.00, 1},
	"appos-org-leader":          {0.00, 0, 0.00, 0},
	"appos-org-title":           {0.00, 0, 0.50, 2},
	"reverse-appos-title":       {1.00, 9, 0.00, 0},
	"reverse-appos-title-of":    {0.00, 0, 0.00, 0},
	"title-name":                {0.93, 72, 0.00, 0},
	"plural-title-names":        {1.00, 1, 0.00, 0},
	"org-leader-name":           {1.00, 2, 0.00, 0},
	"org-title-name":            {0.00, 0, 0.95, 19},
	"chamber-title-name":        {1.00, 1, 0.00, 0},
	"place-leader-name":         {1.00, 7, 0.00, 0},
	"place-title-name":          {0.83, 6, 0.20, 10},
	"place-occupation-name":     {0.00, 0, 0.00, 5},
	"demonym-leader-name":       {1.00, 10, 0.00, 0},
	"demonym-title-name":        {0.83, 6, 0.00, 4},
	"party-title-name":          {0.93, 15, 0.00, 0},
	"party-name":                {1.00, 5, 0.00, 0},
	"compound-title":            {0.00, 0, 0.00, 0},
	"org-compound-title":        {0.00, 0, 0.00, 0},
	"org-sibling-title":         {1.00, 1, 0.00, 0},
	"poss-title-name":           {0.00, 0, 0.00, 0},
	"poss-name":                 {0.00, 0, 0.00, 5},
	"party-premodifier":         {0.00, 0, 0.00, 0},
	"party-appos":               {1.00, 2, 0.00, 0},
	"relcl-leads":               {1.00, 1, 0.00, 0},
	"svo-leads":                 {0.00, 0, 0.00, 0},
	"works-for-verb":            {0.00, 0, 0.00, 0},
	"svo-controls":              {0.00, 0, 0.00, 0},
	"svo-controls-chamber":      {1.00, 1, 0.00, 0},
	"svo-controls-chamber-conj": {1.00, 1, 0.00, 0},
	"passive-controls":          {0.00, 0, 0.00, 0},
	"reduced-passive-controls":  {0.00, 0, 0.00, 0},
	"control-of":                {0.00, 0, 0.00, 0},
	"svo-backs":                 {0.00, 0, 0.00, 0},
	"passive-backs":             {0.00, 0, 0.00, 0},
	"reduced-passive-backs":     {0.00, 0, 0.00, 0},
	"svo-opposes":               {0.00, 0, 0.00, 0},
	"svo-attacked":              {0.00, 0, 0.00, 0},
	"passive-attacked":          {0.00, 0, 0.00, 0},
	"svo-killed":                {0.00, 0, 1.00, 1},
	"passive-killed":            {0.00, 0, 0.00, 0},
	"x-based-y":                 {0.00, 0, 0.00, 0},
	"x-led-y":                   {1.00, 2, 0.00, 0},
	"x-held-y":                  {0.00, 0, 0.00, 0},
	"x-backed-y":                {0.00, 0, 0.00, 0},
	"vocative-passive-controls": {0.00, 0, 0.00, 0},
	"relcl-killed":              {0.00, 0, 0.00, 0},
	"conj-killed":               {0.00, 0, 0.00, 0},
	"killing-of-by":             {0.00, 0, 0.00, 0},
	"assassin-poss":             {0.00, 0, 1.00, 8},
	"appos-assassin-poss":       {0.00, 0, 0.80, 5},
	"based-in":                  {0.00, 0, 0.00, 0},
	"reduced-based-in":          {0.00, 0, 0.00, 0},
	"place-comma-place":         {0.67, 3, 0.43, 83},
	"person-of-place":           {1.00, 2, 0.55, 11},
}

// figure is one row's measurement: Reuters dev precision and support,
// CoNLL04 train precision and support.
type figure struct {
	precision      float64
	support        int
	conllPrecision float64
	conllSupport   int
}
