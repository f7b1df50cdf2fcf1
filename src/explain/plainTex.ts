/**
 * The page's TeX as readable plain text: what a formula shows while KaTeX (loaded on demand, see
 * Tex.tsx) is not there yet, e.g. "‖y‖ = ‖m⊙x‖/q = 5.004/0.5 = 10.008". It covers the commands
 * src/explain writes; any other command is shown by its name, never dropped silently.
 */

const SYMBOLS: Readonly<Record<string, string>> = {
  lVert: '‖', rVert: '‖', '|': '‖', cdot: '·', times: '×', odot: '⊙', le: '≤', leq: '≤', ge: '≥', geq: '≥',
  approx: '≈', ne: '≠', neq: '≠', pm: '±', mp: '∓', sum: 'Σ', prod: 'Π', infty: '∞', varnothing: '∅', emptyset: '∅',
  in: '∈', notin: '∉', to: '→', rightarrow: '→', Rightarrow: '⇒', sim: '~', mid: '|', ldots: '…', dots: '…', cdots: '⋯',
  langle: '⟨', rangle: '⟩', lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', propto: '∝', equiv: '≡', partial: '∂',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', Delta: 'Δ', epsilon: 'ε', varepsilon: 'ε', theta: 'θ', lambda: 'λ',
  mu: 'μ', nu: 'ν', pi: 'π', rho: 'ρ', sigma: 'σ', Sigma: 'Σ', tau: 'τ', phi: 'φ', varphi: 'φ', Phi: 'Φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Omega: 'Ω', top: 'ᵀ', prime: '′', quad: '  ', qquad: '    ', ',': ' ', ';': ' ', ':': ' ',
  '!': '', ' ': ' ', '{': '{', '}': '}', '%': '%', '&': '&', '#': '#', '_': '_', '\\': '; ',
};

/** Commands whose argument is shown as it is (fonts, styles, sizes). */
const PASS_THROUGH = new Set(['mathbb', 'mathrm', 'mathbf', 'mathit', 'mathcal', 'text', 'textrm', 'textbf', 'textit', 'operatorname', 'boldsymbol', 'mathsf', 'mathtt', 'bm']);
/** Commands that show nothing themselves. */
const SILENT = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'begin', 'end']);

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '−': '⁻',
  '+': '⁺', n: 'ⁿ', i: 'ⁱ', k: 'ᵏ', T: 'ᵀ', '(': '⁽', ')': '⁾',
};
const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '-': '₋', '+': '₊',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ',
  u: 'ᵤ', v: 'ᵥ', x: 'ₓ', '(': '₍', ')': '₎', '=': '₌',
};

/** "2" → "²", "i" → "ᵢ"; text with a character that has no small form keeps a marker: ^(…) or _(…). */
function script(text: string, table: Readonly<Record<string, string>>, marker: string): string {
  const tight = text.replace(/\s+/g, '');
  const chars = [...tight];
  if (chars.length > 0 && chars.every((c) => table[c] !== undefined)) return chars.map((c) => table[c]).join('');
  return chars.length === 1 ? `${marker}${tight}` : `${marker}(${tight})`;
}

/** A fraction's part: parenthesised when it is more than one factor. */
const part = (text: string) =>
  /^[\p{L}\p{N}.,′ᵢⱼₖₙₗ²]+$/u.test(text) || /^‖[^‖]*‖$/.test(text) || /^√[\p{L}\p{N}.]+$/u.test(text) ? text : `(${text})`;
/** A root's argument: parenthesised unless it is one number or one letter. */
const radicand = (text: string) => (/^[\p{L}\p{N}.]+$/u.test(text) ? text : `(${text})`);

/** Relations and arrows, written with a space on each side. */
const RELATIONS = new Set(['≤', '≥', '≈', '≠', '∈', '∉', '→', '⇒', '~', '≡', '∝']);

class Reader {
  private i = 0;
  private readonly tex: string;
  constructor(tex: string) {
    this.tex = tex;
  }

  /** Everything up to the end, or up to the closing brace of the group being read. */
  sequence(inGroup: boolean): string {
    let out = '';
    while (this.i < this.tex.length) {
      const c = this.tex[this.i] as string;
      if (c === '}') {
        if (inGroup) {
          this.i++;
          return out;
        }
        this.i++;
        continue;
      }
      out += this.atom();
    }
    return out;
  }

  /** One argument: a group {…} or a single token. */
  private argument(): string {
    this.skipSpaces();
    if (this.tex[this.i] === '{') {
      this.i++;
      return this.sequence(true);
    }
    return this.atom();
  }

  private skipSpaces() {
    while (this.tex[this.i] === ' ') this.i++;
  }

  private atom(): string {
    const c = this.tex[this.i] as string;
    this.i++;
    switch (c) {
      case '{':
        return this.sequence(true);
      case '\\':
        return this.command();
      case '^':
        return script(this.argument(), SUPERSCRIPTS, '^');
      case '_':
        return script(this.argument(), SUBSCRIPTS, '_');
      case '&':
        return '';
      case '~':
        return ' ';
      case '-':
        return '−';
      default:
        return c;
    }
  }

  private command(): string {
    const rest = this.tex.slice(this.i);
    const letters = /^[A-Za-z]+/.exec(rest)?.[0];
    const name = letters ?? rest.slice(0, 1);
    this.i += name.length;
    // As in TeX, spaces after a command word only end it.
    if (letters !== undefined) this.skipSpaces();
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const top = this.argument();
      const bottom = this.argument();
      return `${part(top)}/${part(bottom)}`;
    }
    if (name === 'sqrt') return `√${radicand(this.argument())}`;
    if (name === 'htmlData') {
      this.argument();
      return this.argument();
    }
    if (name === 'begin' || name === 'end') {
      this.argument();
      return '';
    }
    if (PASS_THROUGH.has(name)) return this.argument();
    if (SILENT.has(name)) return '';
    const symbol = SYMBOLS[name] ?? name;
    return RELATIONS.has(symbol) ? ` ${symbol} ` : symbol;
  }
}

/** Plain text for TeX written by src/explain (never HTML: the caller renders it as a text node). */
export function plainTex(tex: string): string {
  return new Reader(tex)
    .sequence(false)
    .replace(/([^\s(])([ΣΠ])/g, '$1 $2')
    .replace(/[ \t\n]+/g, ' ')
    .replace(/ ;/g, ';')
    .replace(/\s*;\s*$/, '')
    .trim();
}
