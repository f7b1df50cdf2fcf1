/** The section's formulas in TeX (docs/mathematics.md#train-test-mismatch-and-variance-shift). */

/** The next layer's pre-activation under dropout with scale s, and at test time with factor t. */
export const DOWNSTREAM_TEX =
  String.raw`z = w\cdot y,\quad y = s\,(m\odot h):\qquad E[z\mid h] = s\,q\,(w\cdot h),\qquad \operatorname{Var}[z\mid h] = s^2 q(1-q)\sum_i w_i^2h_i^2;\qquad z_{\text{test}} = t\,(w\cdot h)`;

/** Li et al.'s variance shift for one unit, and the same over the data for z. */
export const SHIFT_TEX =
  String.raw`\Delta = \frac{\operatorname{Var}_{\text{test}}}{\operatorname{Var}_{\text{train}}} = \frac{t^2 V}{s^2q^2V + s^2q(1-q)E},\quad V = \operatorname{Var}_{\text{data}}(w\cdot h),\ E = \mathbb{E}_{\text{data}}\textstyle\sum_i w_i^2h_i^2;\qquad \text{one unit, } s = 1/q:\ \Delta = \frac{q\,v}{v + (1-q)\,c^2}`;
