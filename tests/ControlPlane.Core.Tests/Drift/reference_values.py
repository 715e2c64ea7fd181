#!/usr/bin/python3
"""Prints the expected values asserted in the Drift tests (provenance only; CI does not run this).

Run with Debian's SciPy 1.10.1 / NumPy 1.24.2:  /usr/bin/python3 reference_values.py
The input vectors are the ones in DriftSamples.cs; the generated ones use the same formulas there.
"""
import math
import warnings

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

# --- inputs (keep in sync with DriftSamples.cs) -------------------------------------------
baseline = [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 5.0, 5.0, 6.0, 7.0, 8.0]
shifted_unequal = [2.5, 3.0, 3.0, 4.0, 5.5, 6.0, 6.0, 7.0, 8.5, 9.0]
latency_before = [12.1, 15.3, 9.8, 11.0, 14.2, 13.5, 10.7, 12.9, 16.4, 11.8,
                  13.1, 12.4, 9.5, 15.0, 14.7, 10.2, 13.9, 12.0, 11.3, 14.4]
latency_after = [14.0, 17.2, 12.1, 13.3, 16.8, 15.1, 12.9, 14.6, 18.3, 13.7,
                 15.5, 14.2, 11.9, 17.0, 16.1, 12.4, 15.8, 14.0, 13.1, 16.6]
tied_reference = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 2.0, 3.0]
tied_current = [0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0]
constant_reference = [0.1] * 7
accelerators_before = {"cpu": 50, "gpu-a100": 30, "gpu-h100": 20}
accelerators_after = {"cpu": 40, "gpu-a100": 35, "gpu-l4": 25}


def ramp(count, offset):
    return [float(i + offset) for i in range(count)]


def sawtooth(count, step, period, offset):
    # C#: (i * step) % period + offset; Python's % equals C#'s for positive operands.
    return [(i * step) % period + offset for i in range(count)]


far_equal_a, far_equal_b = ramp(40, 0), ramp(40, 25)
far_unequal_a, far_unequal_b = ramp(40, 0), ramp(50, 25)
interleaved_a, interleaved_b = ramp(30, 0), ramp(30, 0.5)  # D = 1/30: SciPy's series rounds to just above 1
exact_large_a, exact_large_b = sawtooth(900, 0.37, 10.0, 0.0), sawtooth(1000, 0.41, 10.0, 0.4)
square_large_a, square_large_b = sawtooth(1000, 0.37, 10.0, 0.0), sawtooth(1000, 0.41, 10.0, 0.4)
asymptotic_a, asymptotic_b = sawtooth(1500, 0.37, 10.0, 0.0), sawtooth(1500, 0.41, 10.0, 0.4)


# --- PSI and binned JS, following the definition in PopulationStabilityIndex.cs ---------
def quantile_edges(reference, bins):
    quantiles = np.array([k / bins for k in range(1, bins)])
    return np.unique(np.quantile(np.asarray(reference), quantiles))  # 'linear' is the default


def bin_counts(values, edges):
    index = np.searchsorted(edges, np.asarray(values), side="right")
    return np.bincount(index, minlength=len(edges) + 1).astype(float)


def smoothed(proportions):
    proportions = proportions.copy()
    proportions[proportions == 0] = 0.0001
    return proportions


def psi_from_proportions(p, q):
    p, q = smoothed(p), smoothed(q)
    return float(np.sum((p - q) * np.log(p / q)))


def psi_numeric(reference, current, bins=10):
    edges = quantile_edges(reference, bins)
    return psi_from_proportions(bin_counts(reference, edges) / len(reference),
                                bin_counts(current, edges) / len(current))


def js_numeric(reference, current, bins=10):
    edges = quantile_edges(reference, bins)
    return float(distance.jensenshannon(bin_counts(reference, edges), bin_counts(current, edges)))


def union_counts(reference, current):
    keys = sorted(set(reference) | set(current))
    return (np.array([reference.get(k, 0) for k in keys], dtype=float),
            np.array([current.get(k, 0) for k in keys], dtype=float))


def psi_categorical(reference, current):
    p, q = union_counts(reference, current)
    return psi_from_proportions(p / p.sum(), q / q.sum())


def js_categorical(reference, current):
    return float(distance.jensenshannon(*union_counts(reference, current)))


# --- KS: exact below n*m <= 1e6, otherwise the Kolmogorov limit (kstwobign) ----------------
def ks(reference, current):
    n, m = len(reference), len(current)
    if n * m <= 1_000_000:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = stats.ks_2samp(reference, current, method="exact")
        # SciPy abandons 'exact' when rounding lifts its p above 1; the C# code clamps to 1 instead.
        method = "exact (SciPy fell back to asymp)" if caught else "exact"
        return method, float(result.statistic), float(result.pvalue)
    d = float(stats.ks_2samp(reference, current, method="asymp").statistic)
    return "asymptotic", d, float(stats.kstwobign.sf(math.sqrt(n * m / (n + m)) * d))


def wasserstein_normalized(reference, current):
    raw = stats.wasserstein_distance(reference, current)
    std = np.std(reference)  # ddof=0
    return float(raw if np.ptp(reference) == 0 else raw / std)


def show(label, value):
    print(f"{label:<60} {value!r}")


print(f"scipy {scipy.__version__}, numpy {np.__version__}")
numeric_pairs = {
    "baseline vs shifted_unequal": (baseline, shifted_unequal),
    "latency_before vs latency_after": (latency_before, latency_after),
    "tied_reference vs tied_current": (tied_reference, tied_current),
    "asymptotic_a vs asymptotic_b": (asymptotic_a, asymptotic_b),
}
for name, (a, b) in numeric_pairs.items():
    show(f"psi {name}", psi_numeric(a, b))
    show(f"js {name}", js_numeric(a, b))
    show(f"wasserstein {name}", float(stats.wasserstein_distance(a, b)))
    show(f"wasserstein normalized {name}", wasserstein_normalized(a, b))
show("psi baseline vs shifted_unequal, bins=4", psi_numeric(baseline, shifted_unequal, 4))
show("edges tied_reference", quantile_edges(tied_reference, 10).tolist())
show("wasserstein normalized constant_reference vs baseline", wasserstein_normalized(constant_reference, baseline))
show("psi accelerators", psi_categorical(accelerators_before, accelerators_after))
show("js accelerators", js_categorical(accelerators_before, accelerators_after))

ks_pairs = dict(numeric_pairs)
ks_pairs.update({
    "far_equal_a vs far_equal_b": (far_equal_a, far_equal_b),
    "far_unequal_a vs far_unequal_b": (far_unequal_a, far_unequal_b),
    "interleaved_a vs interleaved_b": (interleaved_a, interleaved_b),
    "exact_large_a vs exact_large_b": (exact_large_a, exact_large_b),
    "square_large_a vs square_large_b": (square_large_a, square_large_b),
})
for name, (a, b) in ks_pairs.items():
    show(f"ks {name}", ks(a, b))
