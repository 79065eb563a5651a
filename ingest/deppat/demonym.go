package deppat

import "strings"

// demonyms map a nationality adjective to the country it names, for titles
// such as "Canadian Prime Minister X" (leads Canada). Lower case.
var demonyms = map[string]string{
	"american": "United States", "u.s.": "United States", "us": "United States",
	"canadian": "Canada", "mexican": "Mexico", "british": "Britain", "french": "France",
	"german": "Germany", "italian": "Italy", "spanish": "Spain", "portuguese": "Portugal",
	"dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria",
	"swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland",
	"polish": "Poland", "czech": "Czech Republic", "hungarian": "Hungary", "romanian": "Romania",
	"bulgarian": "Bulgaria", "greek": "Greece", "turkish": "Turkey", "russian": "Russia",
	"ukrainian": "Ukraine", "belarusian": "Belarus", "irish": "Ireland", "scottish": "Scotland",
	"chinese": "China", "japanese": "Japan", "korean": "Korea", "south korean": "South Korea",
	"north korean": "North Korea", "indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan",
	"iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria", "lebanese": "Lebanon", "israeli": "Israel",
	"palestinian": "Palestine", "jordanian": "Jordan", "egyptian": "Egypt", "saudi": "Saudi Arabia",
	"yemeni": "Yemen", "qatari": "Qatar", "emirati": "United Arab Emirates", "kuwaiti": "Kuwait",
	"libyan": "Libya", "tunisian": "Tunisia", "algerian": "Algeria", "moroccan": "Morocco",
	"nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia", "somali": "Somalia",
	"sudanese": "Sudan", "south african": "South Africa", "zimbabwean": "Zimbabwe",
	"australian": "Australia", "new zealand": "New Zealand", "indonesian": "Indonesia",
	"malaysian": "Malaysia", "philippine": "Philippines", "filipino": "Philippines", "thai": "Thailand",
	"vietnamese": "Vietnam", "cambodian": "Cambodia", "burmese": "Myanmar", "myanmar": "Myanmar",
	"bangladeshi": "Bangladesh", "sri lankan": "Sri Lanka", "nepalese": "Nepal", "taiwanese": "Taiwan",
	"brazilian": "Brazil", "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile",
	"colombian": "Colombia", "peruvian": "Peru", "venezuelan": "Venezuela", "cuban": "Cuba",
	"bolivian": "Bolivia", "ecuadorean": "Ecuador", "ecuadorian": "Ecuador", "uruguayan": "Uruguay",
	"kurdish": "Kurdistan", "serbian": "Serbia", "croatian": "Croatia", "bosnian": "Bosnia",
	"albanian": "Albania", "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania",
	"georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan", "kazakh": "Kazakhstan",
	"uzbek": "Uzbekistan", "singaporean": "Singapore", "icelandic": "Iceland",
}

// country returns the country a demonym (or a two-word one) names.
func (g *graph) country(i int) (string, bool) {
	w := strings.ToLower(g.s.Tokens[i].Text)
	if mi := g.inside[i]; mi >= 0 {
		m := g.mentions[mi]
		w = strings.ToLower(g.text(m.Start, m.End))
	}
	c, ok := demonyms[w]
	return c, ok
}
