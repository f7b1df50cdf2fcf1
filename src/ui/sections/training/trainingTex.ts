/** The section's formulas in TeX (docs/mathematics.md#train-test-mismatch-and-variance-shift). */

/** The next layer's pre-activation under dropout with scale s, and at test time with factor t. */
export const DOWNSTREAM_TEX = String.raw`E[z\mid h] = s\,q\,(w\cdot h),\qquad \operatorname{Var}[z\mid h] = s^2 q(1-q)\sum_i w_i^2h_i^2,\qquad z_{\text{test}} = t\,(w\cdot h)`;

/** The variance shift over the data, for any scalar scheme. */
export const SHIFT_TEX = String.raw`\Delta = \frac{\operatorname{Var}_{\text{test}}(z)}{\operatorname{Var}_{\text{train}}(z)} = \frac{t^2 V}{s^2q^2V + s^2q(1-q)E}`;

/** Li et al.'s form for one unit under inverted dropout. */
export const LI_TEX = String.raw`\text{one unit, } s = 1/q:\quad \operatorname{Var}_{\text{train}} = \tfrac{1}{q}(c^2+v) - c^2,\quad \operatorname{Var}_{\text{test}} = v,\quad \Delta = \frac{q\,v}{v + (1-q)\,c^2}`;
