#!/usr/bin/env python3
"""Collapsed stacks -> SVG icicle graph (roots on top). usage: icicle.py collapsed.txt out.svg title [anchor] [maxdepth]"""
import sys, html, zlib
src, out, title = sys.argv[1], sys.argv[2], sys.argv[3]
anchor = sys.argv[4] if len(sys.argv) > 4 else None
maxdepth = int(sys.argv[5]) if len(sys.argv) > 5 else 40
root = {'n': 0, 'c': {}}
total_all = 0
def short(f):
    f = f.replace('/', '.')
    parts = f.split('.')
    return '.'.join(parts[-2:]) if len(parts) > 2 else f
for line in open(src):
    stack, n = line.rstrip().rsplit(' ', 1); n = int(n); total_all += n
    fr = stack.split(';')
    if anchor:
        idx = [i for i, f in enumerate(fr) if anchor in f]
        if not idx: continue
        fr = fr[idx[0]:]
    fr = [f for f in fr if '$$Lambda' not in f]
    node = root; node['n'] += n
    for f in fr[:maxdepth]:
        node = node['c'].setdefault(f, {'n': 0, 'c': {}}); node['n'] += n
W, H, top = 1600, 17, 50
rects = []; maxd = [0]
def walk(node, name, x, d):
    w = node['n'] / root['n'] * W
    if w < 0.5: return
    maxd[0] = max(maxd[0], d)
    rects.append((x, d, w, name, node['n']))
    cx = x
    for k, ch in sorted(node['c'].items(), key=lambda kv: -kv[1]['n']):
        walk(ch, k, cx, d + 1); cx += ch['n'] / root['n'] * W
walk(root, 'all (%d samples%s)' % (root['n'], '' if not anchor else ', %.0f%% of the process' % (root['n'] / total_all * 100)), 0, 0)
def color(name):
    h = zlib.crc32(name.encode()) % 40
    if name.startswith('dev/koers'): return 'rgb(90,%d,230)' % (140 + h * 2)
    if 'jackson' in name: return 'rgb(230,%d,60)' % (60 + h)
    if 'rocksdb' in name.lower(): return 'rgb(160,120,%d)' % (60 + h)
    if 'kafka' in name: return 'rgb(240,%d,%d)' % (150 + h * 2, 50 + h)
    if 'avro' in name: return 'rgb(60,%d,120)' % (170 + h)
    return 'rgb(%d,200,110)' % (180 + h)
Ht = top + (maxd[0] + 1) * H + 20
o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="monospace" font-size="11">' % (W, Ht),
     '<rect width="100%" height="100%" fill="white"/>',
     '<text x="%d" y="24" font-size="16" text-anchor="middle">%s</text>' % (W / 2, html.escape(title)),
     '<text x="%d" y="42" font-size="11" text-anchor="middle" fill="#555">icicle graph: callers on top, width = share of CPU samples; blue = Koers, red = Jackson, orange = Kafka, brown = RocksDB, teal = Avro</text>' % (W / 2)]
for x, d, w, name, n in rects:
    y = top + d * H
    label = short(name)
    pct = n / root['n'] * 100
    o.append('<g><title>%s (%.1f%%)</title><rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" stroke="white" stroke-width="0.5"/>' % (html.escape(name), pct, x, y, w, H - 1, color(name)))
    chars = int(w / 6.6)
    if chars >= 4:
        t = label if len(label) <= chars else label[:chars - 2] + '..'
        o.append('<text x="%.1f" y="%d">%s</text>' % (x + 2, y + 12, html.escape(t)))
    o.append('</g>')
o.append('</svg>')
open(out, 'w').write('\n'.join(o))
print('depth', maxd[0], 'rects', len(rects))
