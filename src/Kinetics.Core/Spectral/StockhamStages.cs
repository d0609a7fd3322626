using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Kinetics.Spectral;

/// <summary>
/// Stockham passes applied to a block of <c>width</c> independent FFT lines at once: element t of line u lives at
/// complex offset t·stride + u, so the lines are contiguous "columns" and each register holds the same element of
/// several lines. All lines share every twiddle, so the butterflies need no shuffles except the (re, im) swap of a
/// complex product.
/// </summary>
/// <remarks>
/// Forward butterflies (ω_r = e^{−2πi/r}); the inverse uses conjugate twiddles and the opposite rotation
/// rot(x) = ∓i·x (− forward, + inverse):
/// radix 2: y₀ = a₀ + a₁, y₁ = a₀ − a₁;
/// radix 3: y₀ = a₀ + t, y₁,₂ = a₀ − t/2 ± (√3/2)·rot(a₁ − a₂), t = a₁ + a₂;
/// radix 4: y₀,₂ = (a₀ + a₂) ± (a₁ + a₃), y₁,₃ = (a₀ − a₂) ± rot(a₁ − a₃);
/// radix 5: with tⱼ = aⱼ + a₅₋ⱼ, dⱼ = aⱼ − a₅₋ⱼ, c_j = cos(2πj/5), s_j = sin(2πj/5):
/// y₀ = a₀ + t₁ + t₂, y₁,₄ = a₀ + c₁t₁ + c₂t₂ ± rot(s₁d₁ + s₂d₂), y₂,₃ = a₀ + c₂t₁ + c₁t₂ ± rot(s₂d₁ − s₁d₂);
/// radix 8: b_q = a_q + a_{q+4}, c_q = (a_q − a_{q+4})·ω₈^q (ω₈ = (1 ∓ i)/√2, so ω₈x = (x + rot x)/√2,
/// ω₈²x = rot x, ω₈³x = (rot x − x)/√2), then y_{2m} = DFT₄(b)_m and y_{2m+1} = DFT₄(c)_m.
/// </remarks>
internal static partial class StockhamStages
{
    /// <summary>
    /// Transforms <paramref name="width"/> lines of length N, read from <paramref name="input"/> (element stride
    /// <paramref name="inputStride"/>, in complex numbers) and written to <paramref name="output"/> (stride
    /// <paramref name="outputStride"/>; the same memory for in place), ping-ponging through two scratch blocks of N·width
    /// complex numbers. With <paramref name="factors"/> (N entries, expanded as the twiddles: <see cref="MixedRadixPlan.Expand"/>;
    /// a null reference for none) every input element t of every line is first multiplied by factor t, in the first pass.
    /// </summary>
    public static void TransformLines<TOps, TVec>(
        MixedRadixPlan plan, bool inverse, ref double input, nint inputStride, ref double output, nint outputStride, nint width,
        ref double scratchA, ref double scratchB, ref double factors)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        bool hasFactors = !Unsafe.IsNullRef(ref factors);
        ReadOnlySpan<FftStage> stages = plan.Stages;
        ref double twiddles = ref MemoryMarshal.GetReference(plan.Twiddles(inverse));
        double rotSign = inverse ? -1.0 : 1.0;
        int last = stages.Length - 1;
        for (int q = 0; q <= last; q++)
        {
            // A single pass (L = S′ = 1) reads all r inputs before writing them, so it may run in place.
            ref double src = ref (q == 0 ? ref input : ref ((q & 1) == 1 ? ref scratchA : ref scratchB));
            ref double dst = ref (q == last ? ref output : ref ((q & 1) == 0 ? ref scratchA : ref scratchB));
            nint srcStride = q == 0 ? inputStride : width;
            nint dstStride = q == last ? outputStride : width;
            FftStage stage = stages[q];
            if (q == 0 && hasFactors)
            {
                RadixPass<TOps, TVec, WithFactors>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
            }
            else
            {
                RadixPass<TOps, TVec, NoFactors>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
            }
        }
    }

    private static void RadixPass<TOps, TVec, TF>(
        ref double src, nint srcStride, ref double dst, nint dstStride, nint width, FftStage stage, ref double twiddles, double rotSign, ref double factors)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TF : IInputFactors
    {
        switch (stage.Radix)
        {
            case 8:
                Pass<TOps, TVec, Radix8, TF>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
                break;
            case 4:
                Pass<TOps, TVec, Radix4, TF>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
                break;
            case 16:
                Pass<TOps, TVec, Radix16, TF>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
                break;
            case 2:
                Pass<TOps, TVec, Radix2, TF>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
                break;
            case 3:
                Pass<TOps, TVec, Radix3, TF>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
                break;
            default:
                Pass<TOps, TVec, Radix5, TF>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign, ref factors);
                break;
        }
    }

    /// <summary>Whether a pass multiplies its inputs by a factor table (type-level switch: the plain pass pays nothing).</summary>
    internal interface IInputFactors
    {
        static abstract bool Active { get; }
    }

    internal readonly struct NoFactors : IInputFactors
    {
        public static bool Active => false;
    }

    internal readonly struct WithFactors : IInputFactors
    {
        public static bool Active => true;
    }

    /// <summary>The direction-dependent constant registers of the butterflies, built once per pass (not per butterfly).</summary>
    private readonly struct Rotations<TVec>
        where TVec : struct
    {
        public readonly TVec Rot;    // rot(x) = swap(x)·Rot, Rot = (±1, ∓1)
        public readonly TVec Rot60;  // Rot·sin 60°
        public readonly TVec Rot72;  // Rot·sin 72°
        public readonly TVec Rot144; // Rot·sin 144°
        public readonly TVec W1Re;   // ω₁₆ = e^{∓2πi/16} in twiddle form: (cos, cos) …
        public readonly TVec W1Im;   // … and (−wi, wi), wi = ∓sin(2π/16)
        public readonly TVec W3Re;   // ω₁₆³ likewise
        public readonly TVec W3Im;

        public Rotations(TVec rot, TVec rot60, TVec rot72, TVec rot144, TVec w1Re, TVec w1Im, TVec w3Re, TVec w3Im)
        {
            Rot = rot;
            Rot60 = rot60;
            Rot72 = rot72;
            Rot144 = rot144;
            W1Re = w1Re;
            W1Im = w1Im;
            W3Re = w3Re;
            W3Im = w3Im;
        }

        public static Rotations<TVec> Create<TOps>(double rotSign)
            where TOps : IComplexLanes<TVec>
        {
            // ω₁₆^e = cos(2πe/16) + i·wi with wi = −rotSign·sin(2πe/16) (rotSign = +1 forward).
            double w1 = -rotSign * Sin22, w3 = -rotSign * Cos22;
            return new(
                TOps.Pair(rotSign, -rotSign),
                TOps.Pair(rotSign * Sin60, -rotSign * Sin60),
                TOps.Pair(rotSign * Sin72, -rotSign * Sin72),
                TOps.Pair(rotSign * Sin144, -rotSign * Sin144),
                TOps.Pair(Cos22, Cos22),
                TOps.Pair(-w1, w1),
                TOps.Pair(Sin22, Sin22),
                TOps.Pair(-w3, w3));
        }
    }

    private static readonly double Sin60 = Math.Sqrt(3.0) / 2.0;
    private static readonly double Sin72 = Math.Sin(2.0 * Math.PI / 5.0);
    private static readonly double Sin144 = Math.Sin(4.0 * Math.PI / 5.0);
    private static readonly double Cos22 = Math.Cos(Math.PI / 8.0); // cos(2π/16) = sin(3·2π/16)
    private static readonly double Sin22 = Math.Sin(Math.PI / 8.0); // sin(2π/16) = cos(3·2π/16)

    /// <summary>One Stockham pass: for every k &lt; L and s′ &lt; S′, one radix-r butterfly across the block's lines.</summary>
    /// <remarks>With <see cref="WithFactors"/> (first pass only, L = 1) input t = j + p·S′ is multiplied by entry t of the
    /// expanded factor table <paramref name="factors"/> before the butterfly.</remarks>
    private static void Pass<TOps, TVec, TButterfly, TF>(
        ref double src, nint srcStride, ref double dst, nint dstStride, nint width, FftStage stage, ref double tw, double rotSign, ref double factors)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TButterfly : IButterfly
        where TF : IInputFactors
    {
        nint r = TButterfly.Radix;
        nint l = stage.Length, s1 = stage.Stride, s = r * s1;
        nint pin = 2 * s1 * srcStride, pout = 2 * l * s1 * dstStride, fStride = MixedRadixPlan.TwiddleStride * s1;
        nint vecEnd = width - (width % TOps.Count);
        var rot = Rotations<TVec>.Create<TOps>(rotSign);
        var rotTail = Rotations<Vector128<double>>.Create<Vector128Lanes>(rotSign);
        var rotScalar = Rotations<ScalarComplex>.Create<ScalarLanes>(rotSign);
        for (nint k = 0; k < l; k++)
        {
            ref double w = ref Unsafe.Add(ref tw, stage.TwiddleOffset + (MixedRadixPlan.TwiddleStride * k * (r - 1)));
            bool twiddle = k != 0;
            for (nint j = 0; j < s1; j++)
            {
                ref double a = ref Unsafe.Add(ref src, 2 * ((k * s) + j) * srcStride);
                ref double o = ref Unsafe.Add(ref dst, 2 * ((k * s1) + j) * dstStride);
                ref double f = ref Unsafe.Add(ref factors, MixedRadixPlan.TwiddleStride * j);
                nint u = 0;
                for (; u < vecEnd; u += TOps.Count)
                {
                    TButterfly.Apply<TOps, TVec, TF>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, ref w, ref f, fStride, in rot);
                }

                // Tail lines one at a time: as (re, im) in one 128-bit register on the SIMD paths, scalar on the scalar path.
                for (; u < width; u++)
                {
                    if (typeof(TOps) == typeof(ScalarLanes))
                    {
                        TButterfly.Apply<ScalarLanes, ScalarComplex, TF>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, ref w, ref f, fStride, in rotScalar);
                    }
                    else
                    {
                        TButterfly.Apply<Vector128Lanes, Vector128<double>, TF>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, ref w, ref f, fStride, in rotTail);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Input p of a butterfly, a[p·pin], times its twiddle ω_{L·r}^{p·k} (expanded entry p − 1 of the current k) unless
    /// k = 0 or p = 0, and, with <see cref="WithFactors"/>, times the input factor at f + p·fStride (expanded).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Input<TOps, TVec, TF>(ref double a, nint pin, int p, bool twiddle, ref double w, ref double f, nint fStride)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TF : IInputFactors
    {
        TVec x = TOps.Load(ref Unsafe.Add(ref a, p * pin));
        if (TF.Active)
        {
            ref double factor = ref Unsafe.Add(ref f, p * fStride);
            x = ComplexLanes.Twiddle<TOps, TVec>(x, TOps.Load(ref factor), TOps.Load(ref Unsafe.Add(ref factor, 8)));
        }

        if (!twiddle)
        {
            return x;
        }

        ref double entry = ref Unsafe.Add(ref w, MixedRadixPlan.TwiddleStride * (p - 1));
        return ComplexLanes.Twiddle<TOps, TVec>(x, TOps.Load(ref entry), TOps.Load(ref Unsafe.Add(ref entry, 8)));
    }

    /// <summary>rot(x)·scale = swap(x)·(±scale, ∓scale), the register given by <see cref="Rotations{TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Rotate<TOps, TVec>(TVec x, TVec rotation)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        TOps.Multiply(TOps.Swap(x), rotation);

    /// <summary>One radix-r butterfly on registers loaded at a + p·pin, stored at o + c·pout.</summary>
    private interface IButterfly
    {
        static abstract int Radix { get; }

        static abstract void Apply<TOps, TVec, TF>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, ref double f, nint fStride, in Rotations<TVec> rot)
            where TOps : IComplexLanes<TVec>
            where TVec : struct
            where TF : IInputFactors;
    }

    private readonly struct Radix2 : IButterfly
    {
        public static int Radix => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TOps, TVec, TF>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, ref double f, nint fStride, in Rotations<TVec> rot)
            where TOps : IComplexLanes<TVec>
            where TVec : struct
            where TF : IInputFactors
        {
            TVec a0 = Input<TOps, TVec, TF>(ref a, pin, 0, false, ref w, ref f, fStride);
            TVec a1 = Input<TOps, TVec, TF>(ref a, pin, 1, twiddle, ref w, ref f, fStride);
            TOps.Store(TOps.Add(a0, a1), ref o);
            TOps.Store(TOps.Subtract(a0, a1), ref Unsafe.Add(ref o, pout));
        }
    }

    private readonly struct Radix3 : IButterfly
    {
        public static int Radix => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TOps, TVec, TF>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, ref double f, nint fStride, in Rotations<TVec> rot)
            where TOps : IComplexLanes<TVec>
            where TVec : struct
            where TF : IInputFactors
        {
            TVec a0 = Input<TOps, TVec, TF>(ref a, pin, 0, false, ref w, ref f, fStride);
            TVec a1 = Input<TOps, TVec, TF>(ref a, pin, 1, twiddle, ref w, ref f, fStride);
            TVec a2 = Input<TOps, TVec, TF>(ref a, pin, 2, twiddle, ref w, ref f, fStride);
            TVec t = TOps.Add(a1, a2);
            TVec m = TOps.MultiplyAdd(t, TOps.Pair(-0.5, -0.5), a0);       // a₀ − t/2
            TVec r = Rotate<TOps, TVec>(TOps.Subtract(a1, a2), rot.Rot60); // (√3/2)·rot(a₁ − a₂)
            TOps.Store(TOps.Add(a0, t), ref o);
            TOps.Store(TOps.Add(m, r), ref Unsafe.Add(ref o, pout));
            TOps.Store(TOps.Subtract(m, r), ref Unsafe.Add(ref o, 2 * pout));
        }
    }

    private readonly struct Radix4 : IButterfly
    {
        public static int Radix => 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TOps, TVec, TF>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, ref double f, nint fStride, in Rotations<TVec> rot)
            where TOps : IComplexLanes<TVec>
            where TVec : struct
            where TF : IInputFactors
        {
            TVec a0 = Input<TOps, TVec, TF>(ref a, pin, 0, false, ref w, ref f, fStride);
            TVec a1 = Input<TOps, TVec, TF>(ref a, pin, 1, twiddle, ref w, ref f, fStride);
            TVec a2 = Input<TOps, TVec, TF>(ref a, pin, 2, twiddle, ref w, ref f, fStride);
            TVec a3 = Input<TOps, TVec, TF>(ref a, pin, 3, twiddle, ref w, ref f, fStride);
            Dft4<TOps, TVec>(a0, a1, a2, a3, rot.Rot, ref o, pout);
        }
    }

    /// <summary>y₀,₂ = (u₀ + u₂) ± (u₁ + u₃), y₁,₃ = (u₀ − u₂) ± rot(u₁ − u₃), stored at o + c·pout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dft4<TOps, TVec>(TVec u0, TVec u1, TVec u2, TVec u3, TVec rot, ref double o, nint pout)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec t0 = TOps.Add(u0, u2), t1 = TOps.Subtract(u0, u2);
        TVec t2 = TOps.Add(u1, u3), t3 = Rotate<TOps, TVec>(TOps.Subtract(u1, u3), rot);
        TOps.Store(TOps.Add(t0, t2), ref o);
        TOps.Store(TOps.Add(t1, t3), ref Unsafe.Add(ref o, pout));
        TOps.Store(TOps.Subtract(t0, t2), ref Unsafe.Add(ref o, 2 * pout));
        TOps.Store(TOps.Subtract(t1, t3), ref Unsafe.Add(ref o, 3 * pout));
    }

    private readonly struct Radix5 : IButterfly
    {
        private static readonly double Cos72 = Math.Cos(2.0 * Math.PI / 5.0);
        private static readonly double Cos144 = Math.Cos(4.0 * Math.PI / 5.0);

        public static int Radix => 5;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TOps, TVec, TF>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, ref double f, nint fStride, in Rotations<TVec> rot)
            where TOps : IComplexLanes<TVec>
            where TVec : struct
            where TF : IInputFactors
        {
            TVec a0 = Input<TOps, TVec, TF>(ref a, pin, 0, false, ref w, ref f, fStride);
            TVec a1 = Input<TOps, TVec, TF>(ref a, pin, 1, twiddle, ref w, ref f, fStride);
            TVec a2 = Input<TOps, TVec, TF>(ref a, pin, 2, twiddle, ref w, ref f, fStride);
            TVec a3 = Input<TOps, TVec, TF>(ref a, pin, 3, twiddle, ref w, ref f, fStride);
            TVec a4 = Input<TOps, TVec, TF>(ref a, pin, 4, twiddle, ref w, ref f, fStride);
            TVec t1 = TOps.Add(a1, a4), t2 = TOps.Add(a2, a3);
            TVec d1 = TOps.Swap(TOps.Subtract(a1, a4)), d2 = TOps.Swap(TOps.Subtract(a2, a3));
            TVec m1 = TOps.MultiplyAdd(t2, TOps.Pair(Cos144, Cos144), TOps.MultiplyAdd(t1, TOps.Pair(Cos72, Cos72), a0));
            TVec m2 = TOps.MultiplyAdd(t2, TOps.Pair(Cos72, Cos72), TOps.MultiplyAdd(t1, TOps.Pair(Cos144, Cos144), a0));

            // rot(s₁d₁ + s₂d₂) and rot(s₂d₁ − s₁d₂), with rot(x) = swap(x)·(±1, ∓1) folded into the constants.
            TVec r1 = TOps.MultiplyAdd(d2, rot.Rot144, TOps.Multiply(d1, rot.Rot72));
            TVec r2 = TOps.Subtract(TOps.Multiply(d1, rot.Rot144), TOps.Multiply(d2, rot.Rot72));
            TOps.Store(TOps.Add(a0, TOps.Add(t1, t2)), ref o);
            TOps.Store(TOps.Add(m1, r1), ref Unsafe.Add(ref o, pout));
            TOps.Store(TOps.Add(m2, r2), ref Unsafe.Add(ref o, 2 * pout));
            TOps.Store(TOps.Subtract(m2, r2), ref Unsafe.Add(ref o, 3 * pout));
            TOps.Store(TOps.Subtract(m1, r1), ref Unsafe.Add(ref o, 4 * pout));
        }
    }

    /// <summary>
    /// Radix 16 as 4 × 4: with p = p₁ + 4p₂ and k = k₂ + 4k₁, X[k₂ + 4k₁] = Σ_{p₁} ω₄^{p₁k₁}·ω₁₆^{p₁k₂}·Σ_{p₂} a[p₁ + 4p₂]·ω₄^{p₂k₂}:
    /// four DFT₄ over p₂, the inner twiddles ω₁₆^{p₁k₂} (exponents 1, 2, 3, 2, 4, 6, 3, 6, 9; ω₁₆² = ω₈, ω₁₆⁴ = rot,
    /// ω₁₆⁶ = ω₈³, ω₁₆⁹ = −ω₁₆), then four DFT₄ over p₁. Two Stockham passes instead of three at N = 128 (docs/fft.md).
    /// </summary>
    private readonly struct Radix16 : IButterfly
    {
        private static readonly double Sqrt1Half = Math.Sqrt(0.5);

        public static int Radix => 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TOps, TVec, TF>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, ref double f, nint fStride, in Rotations<TVec> rot)
            where TOps : IComplexLanes<TVec>
            where TVec : struct
            where TF : IInputFactors
        {
            TVec h = TOps.Pair(Sqrt1Half, Sqrt1Half);
            Dft4Values<TOps, TVec>(
                Input<TOps, TVec, TF>(ref a, pin, 0, false, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 4, twiddle, ref w, ref f, fStride),
                Input<TOps, TVec, TF>(ref a, pin, 8, twiddle, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 12, twiddle, ref w, ref f, fStride),
                rot.Rot, out TVec b00, out TVec b01, out TVec b02, out TVec b03);
            Dft4Values<TOps, TVec>(
                Input<TOps, TVec, TF>(ref a, pin, 1, twiddle, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 5, twiddle, ref w, ref f, fStride),
                Input<TOps, TVec, TF>(ref a, pin, 9, twiddle, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 13, twiddle, ref w, ref f, fStride),
                rot.Rot, out TVec b10, out TVec b11, out TVec b12, out TVec b13);
            Dft4Values<TOps, TVec>(
                Input<TOps, TVec, TF>(ref a, pin, 2, twiddle, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 6, twiddle, ref w, ref f, fStride),
                Input<TOps, TVec, TF>(ref a, pin, 10, twiddle, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 14, twiddle, ref w, ref f, fStride),
                rot.Rot, out TVec b20, out TVec b21, out TVec b22, out TVec b23);
            Dft4Values<TOps, TVec>(
                Input<TOps, TVec, TF>(ref a, pin, 3, twiddle, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 7, twiddle, ref w, ref f, fStride),
                Input<TOps, TVec, TF>(ref a, pin, 11, twiddle, ref w, ref f, fStride), Input<TOps, TVec, TF>(ref a, pin, 15, twiddle, ref w, ref f, fStride),
                rot.Rot, out TVec b30, out TVec b31, out TVec b32, out TVec b33);

            // Inner twiddles ω₁₆^{p₁k₂}.
            b11 = ComplexLanes.Twiddle<TOps, TVec>(b11, rot.W1Re, rot.W1Im);                       // ω₁₆¹
            b12 = TOps.Multiply(TOps.Add(b12, Rotate<TOps, TVec>(b12, rot.Rot)), h);              // ω₁₆² = ω₈
            b13 = ComplexLanes.Twiddle<TOps, TVec>(b13, rot.W3Re, rot.W3Im);                       // ω₁₆³
            b21 = TOps.Multiply(TOps.Add(b21, Rotate<TOps, TVec>(b21, rot.Rot)), h);              // ω₁₆²
            b22 = Rotate<TOps, TVec>(b22, rot.Rot);                                               // ω₁₆⁴ = rot
            b23 = TOps.Multiply(TOps.Subtract(Rotate<TOps, TVec>(b23, rot.Rot), b23), h);         // ω₁₆⁶ = ω₈³
            b31 = ComplexLanes.Twiddle<TOps, TVec>(b31, rot.W3Re, rot.W3Im);                       // ω₁₆³
            b32 = TOps.Multiply(TOps.Subtract(Rotate<TOps, TVec>(b32, rot.Rot), b32), h);         // ω₁₆⁶
            b33 = TOps.Subtract(TOps.Pair(0.0, 0.0), ComplexLanes.Twiddle<TOps, TVec>(b33, rot.W1Re, rot.W1Im)); // ω₁₆⁹ = −ω₁₆

            Dft4<TOps, TVec>(b00, b10, b20, b30, rot.Rot, ref o, 4 * pout);                              // X[0, 4, 8, 12]
            Dft4<TOps, TVec>(b01, b11, b21, b31, rot.Rot, ref Unsafe.Add(ref o, pout), 4 * pout);        // X[1, 5, 9, 13]
            Dft4<TOps, TVec>(b02, b12, b22, b32, rot.Rot, ref Unsafe.Add(ref o, 2 * pout), 4 * pout);    // X[2, 6, 10, 14]
            Dft4<TOps, TVec>(b03, b13, b23, b33, rot.Rot, ref Unsafe.Add(ref o, 3 * pout), 4 * pout);    // X[3, 7, 11, 15]
        }
    }

    /// <summary>The DFT₄ of <see cref="Dft4{TOps, TVec}"/> into registers (y₀ … y₃).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dft4Values<TOps, TVec>(TVec u0, TVec u1, TVec u2, TVec u3, TVec rot, out TVec y0, out TVec y1, out TVec y2, out TVec y3)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec t0 = TOps.Add(u0, u2), t1 = TOps.Subtract(u0, u2);
        TVec t2 = TOps.Add(u1, u3), t3 = Rotate<TOps, TVec>(TOps.Subtract(u1, u3), rot);
        y0 = TOps.Add(t0, t2);
        y1 = TOps.Add(t1, t3);
        y2 = TOps.Subtract(t0, t2);
        y3 = TOps.Subtract(t1, t3);
    }

    private readonly struct Radix8 : IButterfly
    {
        private static readonly double Sqrt1Half = Math.Sqrt(0.5);

        public static int Radix => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply<TOps, TVec, TF>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, ref double f, nint fStride, in Rotations<TVec> rot)
            where TOps : IComplexLanes<TVec>
            where TVec : struct
            where TF : IInputFactors
        {
            TVec a0 = Input<TOps, TVec, TF>(ref a, pin, 0, false, ref w, ref f, fStride);
            TVec a1 = Input<TOps, TVec, TF>(ref a, pin, 1, twiddle, ref w, ref f, fStride);
            TVec a2 = Input<TOps, TVec, TF>(ref a, pin, 2, twiddle, ref w, ref f, fStride);
            TVec a3 = Input<TOps, TVec, TF>(ref a, pin, 3, twiddle, ref w, ref f, fStride);
            TVec a4 = Input<TOps, TVec, TF>(ref a, pin, 4, twiddle, ref w, ref f, fStride);
            TVec a5 = Input<TOps, TVec, TF>(ref a, pin, 5, twiddle, ref w, ref f, fStride);
            TVec a6 = Input<TOps, TVec, TF>(ref a, pin, 6, twiddle, ref w, ref f, fStride);
            TVec a7 = Input<TOps, TVec, TF>(ref a, pin, 7, twiddle, ref w, ref f, fStride);
            TVec b0 = TOps.Add(a0, a4), b1 = TOps.Add(a1, a5), b2 = TOps.Add(a2, a6), b3 = TOps.Add(a3, a7);
            TVec c0 = TOps.Subtract(a0, a4), c1 = TOps.Subtract(a1, a5), c2 = TOps.Subtract(a2, a6), c3 = TOps.Subtract(a3, a7);
            TVec h = TOps.Pair(Sqrt1Half, Sqrt1Half);
            TVec r1 = Rotate<TOps, TVec>(c1, rot.Rot), r3 = Rotate<TOps, TVec>(c3, rot.Rot);
            c1 = TOps.Multiply(TOps.Add(c1, r1), h);           // ω₈·c₁ = (c₁ + rot c₁)/√2
            c2 = Rotate<TOps, TVec>(c2, rot.Rot);              // ω₈²·c₂ = rot c₂
            c3 = TOps.Multiply(TOps.Subtract(r3, c3), h);      // ω₈³·c₃ = (rot c₃ − c₃)/√2
            Dft4<TOps, TVec>(b0, b1, b2, b3, rot.Rot, ref o, 2 * pout);                       // y₀, y₂, y₄, y₆
            Dft4<TOps, TVec>(c0, c1, c2, c3, rot.Rot, ref Unsafe.Add(ref o, pout), 2 * pout); // y₁, y₃, y₅, y₇
        }
    }
}
