package ingest

// Word tables the title rules (rules_view.go) read: data, kept apart from
// the rule code so that a reader can extend them without reading it.

// worldRegions span several countries: as a title's scope they say what a
// job covers, not where its holder lives.
var worldRegions = map[string]bool{"asia": true, "europe": true, "africa": true, "middle east": true,
	"latin america": true, "south america": true, "north america": true, "east asia": true,
	"southeast asia": true, "south asia": true, "central asia": true, "the balkans": true, "balkans": true,
	"caribbean": true, "the caribbean": true, "asia-pacific": true, "asia pacific": true, "eurasia": true,
	"scandinavia": true, "the gulf": true, "gulf": true, "west africa": true, "east africa": true}

// departments whose name is part of their head's title: "Treasury
// Secretary Steven Mnuchin" holds the role "Treasury Secretary", not
// "Secretary" (and works for the Treasury, which orgRel says).
var departments = map[string]bool{"treasury": true, "energy": true, "agriculture": true, "interior": true,
	"labor": true, "labour": true, "education": true, "transportation": true, "transport": true,
	"commerce": true, "defense": true, "defence": true, "justice": true, "homeland security": true,
	"health": true, "veterans affairs": true, "hud": true, "navy": true, "army": true, "air force": true,
	"home": true, "foreign": true, "housing and urban development": true, "health and human services": true}

// regnalTitles are the titles of monarchs, princes and popes, which news
// writes before one name only ("Queen Elizabeth", "King Salman", "Pope
// Francis"): with that one name they are the person's name.
var regnalTitles = map[string]bool{"King": true, "Queen": true, "Prince": true, "Princess": true,
	"Crown Prince": true, "Emperor": true, "Empress": true, "Emir": true, "Sultan": true, "Pope": true}
