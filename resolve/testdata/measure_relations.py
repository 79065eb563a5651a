"""For the Republican and Democratic parties and the ten people named in most
Reuters 2017 documents, find every node of the same class that names them
(a surname, a titled name, a party variant), and count the `relations` rows
of the main node (the cluster with most documents) and of the others: facts
an analyst asking for the entity would not get.

Usage: python3 measure_relations.py STORE.db path/to/newsgraph
(reads `newsgraph entities top` and `newsgraph query relations`; no article text)
"""
import json,subprocess,sys,re
db=sys.argv[1]; ng=sys.argv[2]
top=json.loads(subprocess.run([ng,'entities','top','--db',db,'--limit','0','--format','json'],capture_output=True,text=True).stdout)
TITLES=r'^((president|president-elect|special counsel|justice department special counsel|senator|senators|republican|republicans|democrat|democrats|democratic|senate majority leader|house speaker|speaker|white house press secretary|press secretary|secretary of state|u\.s\.|former|mr\.?|attorney general|u\.s\. special counsel)\s+)+'
def strip(n): return re.sub(TITLES,'',n.strip(),flags=re.I)
people=[('Donald Trump','Trump'),('Barack Obama','Obama'),('Robert Mueller','Mueller'),('Hillary Clinton','Clinton'),('Roy Moore','Moore'),('Mitch McConnell','McConnell'),('Sarah Sanders','Sanders'),('Paul Manafort','Manafort'),('Paul Ryan','Ryan'),('Rex Tillerson','Tillerson')]
parties=[('Republican Party',{'republican','republicans','gop','republican party','republican party','the republican party'}),('Democratic Party',{'democrat','democrats','democratic','democratic party','dems','democrat party'})]
def rows(ent):
    out=subprocess.run([ng,'query','relations','--db',db,'-p','entity='+ent,'--all','--format','tsv'],capture_output=True,text=True).stdout
    return max(0,len(out.strip().split('\n'))-1)
def report(label, match, top_iri_pred):
    cl=[c for c in top if any(match(n) for n in c['names'])]
    cl=[c for c in cl if top_iri_pred(c)]
    if not cl: print(label,'none'); return
    main=max(cl,key=lambda c:c['documents'])
    others=[c for c in cl if c is not main]
    r=rows(main['iri'])
    stray=[(o['iri'],o['documents'],rows(o['iri'])) for o in others]
    print('%-18s main %-45s docs %4d relations %4d | other nodes %d holding %d relations: %s'%(label, main['iri'], main['documents'], r, len(stray), sum(s[2] for s in stray), ', '.join('%s(%d)'%(s[0],s[2]) for s in stray[:6])))
for full,sur in people:
    report(full, lambda n,full=full,sur=sur: strip(n).lower() in (full.lower(), sur.lower()), lambda c: c['iri'].startswith('ent:person/'))
for full,vs in parties:
    report(full, lambda n,vs=vs: n.lower().strip() in vs, lambda c: c['iri'].startswith('ent:organization/'))
