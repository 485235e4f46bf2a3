#!/usr/bin/env python3
"""Call sites in PostgreSQL parse trees, with the argument types the caller passes.

Reads parse trees as psql prints a logged one (debug_print_parse): a line
"DETAIL:  {..." continued up to the next empty line; stored trees
(pg_proc.prosqlbody, pg_rewrite.ev_action, pg_constraint.conbin ...) are fed in
the same form.  A line "ORIGIN <name>" says whose trees follow.
Writes one tab-separated line per distinct call site:

    kind  callee_oid  argtypes  argnames  result_type  origin

kind is function, aggregate, window, operator or relation (a table a query
reads, callee_oid its OID); argtypes the type OIDs of the
arguments as written by the caller (implicit casts stripped, so a literal 0
passed to a bigint parameter counts as integer), comma-separated, an entry
"array:OID" standing for the array type of OID and "elem:OID" for the element
type of the array type OID; argnames the names of named arguments (empty for
positional ones), "*" for count(*).  A function exactly matching these types, planted in a schema
on the search_path, would be chosen over the callee: that is what the hostile
checks plant.
"""
import re
import sys

COERCE_IMPLICIT_CAST = '2'
BOOL = '16'
INT4 = '23'


def tokens(text):
    """Tokens of nodeToString output; a Const's datum bytes "[ ... ]" are dropped."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in '{}()':
            yield c
            i += 1
        elif c == '[':
            i = text.index(']', i) + 1
        elif c == '"':
            j, buf = i + 1, []
            while text[j] != '"':
                if text[j] == '\\':
                    j += 1
                buf.append(text[j])
                j += 1
            yield ('str', ''.join(buf))
            i = j + 1
        else:
            buf = []
            while i < n and not text[i].isspace() and text[i] not in '{}()':
                if text[i] == '\\':
                    i += 1
                buf.append(text[i])
                i += 1
            yield ''.join(buf)


class Parser:
    def __init__(self, text):
        self.toks = list(tokens(text))
        self.pos = 0

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def next(self):
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def value(self):
        tok = self.next()
        if tok == '{':
            return self.node()
        if tok == '(':
            return self.list()
        if tok == '<>':
            return None
        return tok[1] if isinstance(tok, tuple) else tok

    def node(self):
        node = {'_': self.next()}
        while self.peek() != '}':
            tok = self.next()
            if isinstance(tok, str) and tok.startswith(':'):
                node[tok[1:]] = self.value() if self.peek() != '}' else None
            # anything else (the length before a Const's datum) carries no call
        self.next()
        return node

    def list(self):
        items = []
        if self.peek() in ('i', 'o', 'b', 'x'):
            self.next()
        while self.peek() != ')':
            items.append(self.value())
        self.next()
        return items

    def trees(self):
        while self.pos < len(self.toks):
            if self.peek() in ('{', '('):
                yield self.value()
            else:
                self.next()


def strip_implicit(node):
    """The expression a caller wrote, below the implicit casts the parser added."""
    while isinstance(node, dict):
        kind = node['_']
        if kind == 'FUNCEXPR' and node.get('funcformat') == COERCE_IMPLICIT_CAST and node.get('args'):
            node = node['args'][0]
        elif kind == 'RELABELTYPE' and node.get('relabelformat') == COERCE_IMPLICIT_CAST:
            node = node['arg']
        elif kind in ('COERCEVIAIO', 'ARRAYCOERCEEXPR') and node.get('coerceformat') == COERCE_IMPLICIT_CAST:
            node = node['arg']
        elif kind == 'COERCETODOMAIN' and node.get('coercionformat') == COERCE_IMPLICIT_CAST:
            node = node['arg']
        else:
            return node
    return node


RESULT_FIELD = {
    'VAR': 'vartype', 'CONST': 'consttype', 'PARAM': 'paramtype', 'FUNCEXPR': 'funcresulttype',
    'OPEXPR': 'opresulttype', 'NULLIFEXPR': 'opresulttype', 'RELABELTYPE': 'resulttype',
    'COERCEVIAIO': 'resulttype', 'ARRAYCOERCEEXPR': 'resulttype', 'CONVERTROWTYPEEXPR': 'resulttype',
    'CASEEXPR': 'casetype', 'CASETESTEXPR': 'typeId', 'ARRAYEXPR': 'array_typeid', 'ROWEXPR': 'row_typeid',
    'COALESCEEXPR': 'coalescetype', 'MINMAXEXPR': 'minmaxtype', 'SQLVALUEFUNCTION': 'type',
    'COERCETODOMAIN': 'resulttype', 'COERCETODOMAINVALUE': 'typeId', 'SETTODEFAULT': 'typeId',
    'AGGREF': 'aggtype', 'WINDOWFUNC': 'wintype', 'SUBSCRIPTINGREF': 'refrestype',
    'FIELDSELECT': 'resulttype', 'FIELDSTORE': 'resulttype',
}
BOOLEAN_NODES = {'DISTINCTEXPR', 'SCALARARRAYOPEXPR', 'BOOLEXPR', 'NULLTEST', 'BOOLEANTEST',
                 'ROWCOMPAREEXPR', 'CURRENTOFEXPR'}
EXPR_SUBLINK, ARRAY_SUBLINK = '4', '6'


def expr_type(node):
    kind = node['_']
    if kind in RESULT_FIELD:
        return node[RESULT_FIELD[kind]]
    if kind in BOOLEAN_NODES:
        return BOOL
    if kind in ('COLLATEEXPR', 'NAMEDARGEXPR'):
        return expr_type(node['arg'])
    if kind == 'GROUPINGFUNC':
        return INT4
    if kind == 'SUBLINK':
        if node['subLinkType'] in (EXPR_SUBLINK, ARRAY_SUBLINK):
            first = next(te for te in node['subselect']['targetList'] if te['resjunk'] != 'true')
            t = expr_type(first['expr'])
            return t if node['subLinkType'] == EXPR_SUBLINK else 'array:' + t
        return BOOL
    raise ValueError(f'no type rule for {kind}')


def arguments(args):
    """(types, names) of call arguments as the caller wrote them."""
    types, names = [], []
    for a in args or []:
        if isinstance(a, dict) and a['_'] == 'TARGETENTRY':
            a = a['expr']
        name = ''
        if isinstance(a, dict) and a['_'] == 'NAMEDARGEXPR':
            name, a = a['name'], a['arg']
        types.append(expr_type(strip_implicit(a)))
        names.append(name)
    return types, names


def call_sites(node):
    """Yield (kind, callee, argtypes, argnames, result type) for every call in a tree."""
    if isinstance(node, list):
        for item in node:
            yield from call_sites(item)
        return
    if not isinstance(node, dict):
        return
    kind = node['_']
    if kind == 'FUNCEXPR' and node['funcformat'] == '0':
        args = node['args'] or []
        if node['funcvariadic'] == 'true' and args and isinstance(args[-1], dict) and args[-1]['_'] == 'ARRAYEXPR':
            # spread arguments the parser packed into the variadic array
            yield ('function', node['funcid'], *arguments(args[:-1] + (args[-1]['elements'] or [])), expr_type(node))
        yield ('function', node['funcid'], *arguments(args), expr_type(node))
    elif kind == 'AGGREF':
        types, names = arguments((node.get('aggdirectargs') or []) + (node['args'] or []))
        yield ('aggregate', node['aggfnoid'], types or ['*'] if node['aggstar'] == 'true' else types, names, expr_type(node))
    elif kind == 'WINDOWFUNC':
        yield ('window', node['winfnoid'], *arguments(node['args']), expr_type(node))
    elif kind in ('OPEXPR', 'DISTINCTEXPR', 'NULLIFEXPR'):
        yield ('operator', node['opno'], *arguments(node['args']), node.get('opresulttype', BOOL))
    elif kind == 'SCALARARRAYOPEXPR':
        (left, right), names = arguments(node['args'])
        yield ('operator', node['opno'], [left, 'elem:' + right], names, BOOL)
    elif kind == 'ROWCOMPAREEXPR':
        for opno, l, r in zip(node['opnos'], node['largs'], node['rargs']):
            yield ('operator', opno, *arguments([l, r]), BOOL)
    elif kind == 'RANGETBLENTRY' and node.get('rtekind') == '0':
        yield ('relation', node['relid'], [], [], '')
    for key, value in node.items():
        if key != '_':
            yield from call_sites(value)


def main():
    seen = set()
    origin = ''
    chunk = []

    def flush():
        for tree in Parser('\n'.join(chunk)).trees():
            for kind, callee, types, names, result in call_sites(tree):
                key = (kind, callee, ','.join(types), ','.join(names), result, origin)
                if key not in seen:
                    seen.add(key)
                    print('\t'.join(key))
        chunk.clear()

    in_tree = False
    for line in sys.stdin:
        line = line.rstrip('\n')
        m = re.match(r'^(?:\w+:\s+)?ORIGIN (.*)$', line)
        if m:
            flush()
            origin, in_tree = m.group(1), False
        elif line.startswith('DETAIL:  {') or line.startswith('DETAIL:  ({'):
            # a parse tree as psql prints a logged one, up to the next empty line
            chunk.append(line[len('DETAIL:  '):])
            in_tree = True
        elif in_tree and line.strip():
            chunk.append(line)
        else:
            in_tree = False
    flush()


if __name__ == '__main__':
    main()
