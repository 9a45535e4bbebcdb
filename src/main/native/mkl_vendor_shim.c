/*
 * Preloaded by ./loopsmith on AMD CPUs with AVX-512 (see the launcher and the README's "Training speed on AMD").
 *
 * libtorch's CPU build links Intel MKL statically, and MKL picks its GEMM kernels by CPU vendor before features:
 * on a non-Intel CPU it runs its AVX2 kernels even when the CPU has AVX-512. On a Zen 5 (full-width AVX-512 units)
 * that halves every matrix product of training. MKL asks "is this an Intel CPU?" through this one function, called
 * through libtorch's PLT, so a preloaded definition answers first; MKL then dispatches on the features the CPU
 * reports (cpuid), as it does on Intel. Results stay fp32: the kernels differ, the arithmetic does not (checked
 * against a float64 product in MklVendorShimTest).
 */
int mkl_serv_intel_cpu(void) { return 1; }

/* The same question under its name in MKL releases before 2024. */
int mkl_serv_intel_cpu_true(void) { return 1; }
