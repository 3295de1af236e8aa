import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenizeStore, Tk, type TokenizerOptions } from '../../../server/src/common/tokenizer';
import { parseBlocks, statementPathAt, type BlockOptions } from '../../../server/src/common/blocks';
import { MAX_DEPTH } from '../../../server/src/common/structure';

const named: TokenizerOptions = { hashComments: true, slashComments: true, blockComments: true, punct: '!' };
const dhcp: TokenizerOptions = { hashComments: true, slashComments: false, blockComments: false, punct: ',=()' };
const namedBlocks: BlockOptions = { semicolonAfterBlock: 'required' };

function parse(text: string, t = named, b = namedBlocks) {
  return parseBlocks(text, tokenizeStore(text, t), b);
}

test('tokenizer: words, strings, punctuation and all comment styles', () => {
  const toks = tokenize('zone "a.b" { type primary; }; # c\n// d\n/* e */ x', named);
  assert.deepEqual(
    toks.map((t) => [t.kind, t.text]),
    [
      [Tk.Word, 'zone'],
      [Tk.String, '"a.b"'],
      [Tk.Punct, '{'],
      [Tk.Word, 'type'],
      [Tk.Word, 'primary'],
      [Tk.Punct, ';'],
      [Tk.Punct, '}'],
      [Tk.Punct, ';'],
      [Tk.Word, 'x'],
    ],
  );
  assert.equal(toks[1]!.value, 'a.b');
});

test('tokenizer: escapes, unterminated strings and curly quotes', () => {
  const [s] = tokenize('"a\\"b"', named);
  assert.equal(s!.value, 'a"b');
  const [u] = tokenize('"abc', named);
  assert.equal(u!.problem, 'unterminated-string');
  const [c, w] = tokenize('“/etc/bind/rndc.key”;', named);
  assert.equal(c!.problem, 'curly-quoted');
  assert.equal(c!.value, '/etc/bind/rndc.key');
  assert.equal(w!.text, ';');
});

test('tokenizer: a curly string stops at the end of its line', () => {
  const toks = tokenize('a “b\nc;', named);
  assert.equal(toks[1]!.text, '“b');
  assert.equal(toks[2]!.text, 'c');
});

test('tokenizer: dhcpd punctuation and # comments, no // comments', () => {
  const toks = tokenize('option domain-name-servers a.b, c.d; # x\nfilename "//x";', dhcp);
  assert.deepEqual(
    toks.map((t) => t.text),
    ['option', 'domain-name-servers', 'a.b', ',', 'c.d', ';', 'filename', '"//x"', ';'],
  );
});

test('blocks: nested statements and `};`', () => {
  const t = parse('options { directory "/x"; allow-query { any; 10/8; }; };\nzone "a" { type hint; };');
  assert.deepEqual(t.errors, []);
  assert.equal(t.stmts.length, 2);
  const opts = t.stmts.at(0)!;
  assert.equal(opts.block!.stmts.length, 2);
  assert.equal(
    opts
      .block!.stmts.at(1)!
      .block!.stmts.map((s) => s.words[0]!.text)
      .join(','),
    'any,10/8',
  );
});

test('blocks: a missing `;` before `}` is one error after the last word', () => {
  const text = 'options { directory "/x" };';
  const t = parse(text);
  assert.deepEqual(
    t.errors.map((e) => e.problem),
    ['missing-semicolon'],
  );
  assert.equal(t.errors[0]!.start, text.indexOf('"/x"') + 4);
});

test('blocks: missing `;` after `}` in named.conf', () => {
  const t = parse('options { }\nzone "a" { };');
  assert.deepEqual(
    t.errors.map((e) => e.problem),
    ['missing-semicolon-after-block'],
  );
});

test('blocks: dhcpd blocks need no `;`', () => {
  const t = parse('subnet 10.0.0.0 netmask 255.0.0.0 { range 10.0.0.1 10.0.0.9; }\nhost a { }', dhcp, {
    semicolonAfterBlock: 'optional',
  });
  assert.deepEqual(t.errors, []);
  assert.equal(t.stmts.length, 2);
});

test('blocks: startsStatement hook splits a statement missing its `;`', () => {
  const text = 'authoritative\nddns-updates on;';
  const t = parseBlocks(text, tokenizeStore(text, dhcp), {
    semicolonAfterBlock: 'optional',
    startsStatement: (w) => w.text === 'ddns-updates',
  });
  assert.deepEqual(
    t.errors.map((e) => e.problem),
    ['missing-semicolon'],
  );
  assert.equal(t.stmts.length, 2);
});

test('blocks: unexpected `}` and unclosed `{` are reported once each', () => {
  assert.deepEqual(
    parse('};').errors.map((e) => e.problem),
    ['unexpected-close-brace'],
  );
  const t = parse('options {\n directory "/x";\n');
  assert.deepEqual(
    t.errors.map((e) => e.problem),
    ['unclosed-brace'],
  );
  assert.equal(t.errors[0]!.start, 8);
});

test('blocks: 100,000 nested braces neither overflow the stack nor nest past MAX_DEPTH', () => {
  const text = '{'.repeat(100_000) + '}'.repeat(100_000);
  const t = parse(text);
  let depth = 0;
  let s = t.stmts.at(0);
  while (s?.block) {
    depth++;
    s = s.block.stmts.at(0);
  }
  assert.equal(depth, MAX_DEPTH);
  assert.ok(t.errors.some((e) => e.problem === 'too-deep'));
});

test('statementPathAt finds the innermost statement', () => {
  const text = 'options { allow-query { any; }; };';
  const t = parse(text);
  const path = statementPathAt(t.stmts, text.indexOf('any') + 1);
  assert.deepEqual(
    path.map((s) => s.words[0]!.text),
    ['options', 'allow-query', 'any'],
  );
});
