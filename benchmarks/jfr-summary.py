"""Summarises a JFR recording of a benchmark: CPU samples and weighted allocation samples by
thread, by library (inclusive) and by top frame, and the first frame of Feign or the client.
Usage: python3 benchmarks/jfr-summary.py RECORDING.jfr   (benchmarks/profile.sh makes recordings)."""
import json,sys,subprocess,collections
f=sys.argv[1]
def events(kind):
    out=subprocess.run(['jfr','print','--json','--stack-depth','64','--events',kind,f],capture_output=True,text=True).stdout
    return json.loads(out)['recording']['events']
def frames(e):
    st=e['values'].get('stackTrace') or {}
    return [fr['method']['type']['name']+'.'+fr['method']['name'] for fr in st.get('frames',[])]
def thread(e):
    t=e['values'].get('sampledThread') or e['values'].get('eventThread') or {}
    n=t.get('javaName') or t.get('osName') or '?'
    return n.split('-')[0] if 'worker' in n.lower() or 'HttpClient' in n else n
cats=[('ours','io.engagive.sdk.internal'),('ours-pub','io.engagive.sdk.'),('feign','feign.'),('jackson','com.fasterxml'),('jdk-http','jdk.internal.net.http'),('nio','sun.nio'),('jmh','org.openjdk')]
for kind,weight in (('jdk.ExecutionSample',None),('jdk.ObjectAllocationSample','weight')):
    ev=events(kind)
    tot=0;bythread=collections.Counter();top=collections.Counter();incl=collections.Counter();cls=collections.Counter()
    for e in ev:
        w=e['values'][weight] if weight else 1
        tot+=w;bythread[thread(e)]+=w
        fr=frames(e)
        if not fr: continue
        top[fr[0]]+=w
        if weight: cls[e['values']['objectClass']['name']]+=w
        seen=set()
        for x in fr:
            for c,p in cats:
                if x.startswith(p) and c not in seen:
                    seen.add(c);incl[c]+=w;break
        # first non-jdk frame of ours
        for x in fr:
            if x.startswith('io.engagive') or x.startswith('feign.'):
                incl['first-own:'+x]+=w;break
    print('==',kind,'total',tot)
    print(' threads',[(k,round(v*100/tot,1)) for k,v in bythread.most_common(6)])
    print(' inclusive%',[(k,round(v*100/tot,1)) for k,v in incl.most_common() if not k.startswith('first')])
    print(' top self', [(k,round(v*100/tot,1)) for k,v in top.most_common(18)])
    print(' first own frame', [(k[10:],round(v*100/tot,1)) for k,v in incl.most_common() if k.startswith('first')][:20])
    if weight: print(' classes',[(k,round(v*100/tot,1)) for k,v in cls.most_common(15)])
