// exp / log for the model lab that give the same bits on every platform. glibc (native) and
// musl (Emscripten) implement std::exp and std::log differently in the last bit, which made the
// logistic fit's coefficients differ between the CLI and the page at ~1e-16 — enough to reorder
// tied scores. These use only +, −, ×, ÷ and ldexp/frexp (all exactly specified by IEEE 754), so
// they round identically everywhere. Algorithms and constants: fdlibm e_exp.c / e_log.c
// (Sun Microsystems, freely redistributable), error < 1 ulp.
#pragma once
#include <cmath>
#include <limits>

namespace overdue::model_math {

inline double exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 7.09782712893383973096e+02) return std::numeric_limits<double>::infinity();
  if (x < -7.45133219101941108420e+02) return 0.0;
  if (std::fabs(x) < 3.725290298461914e-09) return 1.0 + x;  // |x| < 2^-28
  const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
  const double inv_ln2 = 1.44269504088896338700e+00;
  const double p1 = 1.66666666666666019037e-01, p2 = -2.77777777770155933842e-03,
               p3 = 6.61375632143793436117e-05, p4 = -1.65339022054652515390e-06,
               p5 = 4.13813679705723846039e-08;
  // x = k·ln2 + r, |r| ≤ ln2/2; ln2_hi has trailing zero bits so k·ln2_hi is exact.
  const int k = int(inv_ln2 * x + (x < 0 ? -0.5 : 0.5));
  const double hi = x - k * ln2_hi, lo = k * ln2_lo;
  const double r = hi - lo;
  const double t = r * r;
  const double c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))));
  if (k == 0) return 1.0 - ((r * c) / (c - 2.0) - r);
  const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  return std::ldexp(y, k);
}

inline double log(double x) {
  if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
  const double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01,
               lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01,
               lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01,
               lg7 = 1.479819860511658591e-01;
  int e = 0;
  double m = std::frexp(x, &e);      // x = m·2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {  // into [√½, √2) so f = m − 1 is small
    m *= 2;
    --e;
  }
  const double f = m - 1.0;
  const double k = double(e);
  const double s = f / (2.0 + f);
  const double z = s * s, w = z * z;
  const double r = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7))) + w * (lg2 + w * (lg4 + w * lg6));
  const double hfsq = 0.5 * f * f;
  return k * ln2_hi - ((hfsq - (s * (hfsq + r) + k * ln2_lo)) - f);
}

// log(1 + x) accurate for small x (Goldberg's correction: the rounding of 1 + x is undone).
inline double log1p(double x) {
  const double u = 1.0 + x;
  if (u == 1.0) return x;
  if (std::isinf(u)) return u;
  return log(u) * (x / (u - 1.0));
}

inline double log2(double x) { return log(x) / 6.93147180559945309417e-01; }

}  // namespace overdue::model_math
