using System.Runtime.CompilerServices;

namespace Kinetics.Spectral;

/// <summary>
/// Stockham passes applied to a block of <c>width</c> independent FFT lines at once: element t of line u lives at
/// complex offset t·stride + u, so the lines are contiguous "columns" and each register holds the same element of
/// several lines. All lines share every twiddle, so the butterflies need no shuffles except the (re, im) swap of a
/// complex product.
/// </summary>
/// <remarks>
/// Forward butterflies (ω_r = e^{−2πi/r}); the inverse uses conjugate twiddles and the opposite rotation sign
/// <c>rot</c> (rot(x) = −i·x forward, +i·x inverse):
/// radix 2: y₀ = a₀ + a₁, y₁ = a₀ − a₁;
/// radix 3: y₀ = a₀ + t, y₁,₂ = a₀ − t/2 ± (√3/2)·rot(a₁ − a₂), t = a₁ + a₂;
/// radix 4: y₀,₂ = (a₀ + a₂) ± (a₁ + a₃), y₁,₃ = (a₀ − a₂) ± rot(a₁ − a₃);
/// radix 5: with tⱼ = aⱼ + a₅₋ⱼ, dⱼ = aⱼ − a₅₋ⱼ, c_j = cos(2πj/5), s_j = sin(2πj/5):
/// y₀ = a₀ + t₁ + t₂, y₁,₄ = a₀ + c₁t₁ + c₂t₂ ± rot(s₁d₁ + s₂d₂), y₂,₃ = a₀ + c₂t₁ + c₁t₂ ± rot(s₂d₁ − s₁d₂).
/// </remarks>
internal static class StockhamStages
{
    private static readonly double Sin60 = Math.Sqrt(3.0) / 2.0;
    private static readonly double Cos72 = Math.Cos(2.0 * Math.PI / 5.0);
    private static readonly double Cos144 = Math.Cos(4.0 * Math.PI / 5.0);
    private static readonly double Sin72 = Math.Sin(2.0 * Math.PI / 5.0);
    private static readonly double Sin144 = Math.Sin(4.0 * Math.PI / 5.0);

    /// <summary>
    /// Transforms <paramref name="width"/> lines of length N (element stride <paramref name="stride"/>, in complex
    /// numbers) in place in <paramref name="data"/>, ping-ponging through two scratch blocks of N·width complex numbers.
    /// </summary>
    public static void TransformLines<TOps, TVec>(
        MixedRadixPlan plan, bool inverse, ref double data, nint stride, nint width, ref double scratchA, ref double scratchB)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        ReadOnlySpan<FftStage> stages = plan.Stages;
        ref double twiddles = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(plan.Twiddles(inverse));
        double rotSign = inverse ? -1.0 : 1.0;
        int last = stages.Length - 1;
        for (int q = 0; q <= last; q++)
        {
            // A single pass (L = S′ = 1) reads all r inputs before writing them, so it may run in place.
            ref double src = ref (q == 0 ? ref data : ref ((q & 1) == 1 ? ref scratchA : ref scratchB));
            ref double dst = ref (q == last ? ref data : ref ((q & 1) == 0 ? ref scratchA : ref scratchB));
            nint srcStride = q == 0 ? stride : width;
            nint dstStride = q == last ? stride : width;
            Pass<TOps, TVec>(ref src, srcStride, ref dst, dstStride, width, stages[q], ref twiddles, rotSign);
        }
    }

    /// <summary>One Stockham pass over a block of lines.</summary>
    public static void Pass<TOps, TVec>(
        ref double src, nint srcStride, ref double dst, nint dstStride, nint width, FftStage stage, ref double twiddles, double rotSign)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        switch (stage.Radix)
        {
            case 4:
                Radix4<TOps, TVec>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign);
                break;
            case 2:
                Radix2<TOps, TVec>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles);
                break;
            case 3:
                Radix3<TOps, TVec>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign);
                break;
            default:
                Radix5<TOps, TVec>(ref src, srcStride, ref dst, dstStride, width, stage, ref twiddles, rotSign);
                break;
        }
    }

    private static void Radix4<TOps, TVec>(
        ref double src, nint srcStride, ref double dst, nint dstStride, nint width, FftStage stage, ref double tw, double rotSign)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        nint l = stage.Length, s1 = stage.Stride, s = 4 * s1;
        nint pin = 2 * s1 * srcStride, pout = 2 * l * s1 * dstStride;
        nint vecEnd = width - (width % TOps.Count);
        TVec rot = TOps.Pair(rotSign, -rotSign);
        ScalarComplex rotScalar = ScalarLanes.Pair(rotSign, -rotSign);
        for (nint k = 0; k < l; k++)
        {
            ref double w = ref Unsafe.Add(ref tw, stage.TwiddleOffset + (6 * k));
            bool twiddle = k != 0;
            TVec w1r = TOps.Pair(w, w), w1i = TOps.Pair(-Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 1));
            TVec w2r = TOps.Pair(Unsafe.Add(ref w, 2), Unsafe.Add(ref w, 2)), w2i = TOps.Pair(-Unsafe.Add(ref w, 3), Unsafe.Add(ref w, 3));
            TVec w3r = TOps.Pair(Unsafe.Add(ref w, 4), Unsafe.Add(ref w, 4)), w3i = TOps.Pair(-Unsafe.Add(ref w, 5), Unsafe.Add(ref w, 5));
            for (nint j = 0; j < s1; j++)
            {
                ref double a = ref Unsafe.Add(ref src, 2 * ((k * s) + j) * srcStride);
                ref double o = ref Unsafe.Add(ref dst, 2 * ((k * s1) + j) * dstStride);
                nint u = 0;
                for (; u < vecEnd; u += TOps.Count)
                {
                    Butterfly4<TOps, TVec>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, w1r, w1i, w2r, w2i, w3r, w3i, rot);
                }

                for (; u < width; u++)
                {
                    Butterfly4<ScalarLanes, ScalarComplex>(
                        ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle,
                        ScalarLanes.Pair(w, w), ScalarLanes.Pair(-Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 1)),
                        ScalarLanes.Pair(Unsafe.Add(ref w, 2), Unsafe.Add(ref w, 2)), ScalarLanes.Pair(-Unsafe.Add(ref w, 3), Unsafe.Add(ref w, 3)),
                        ScalarLanes.Pair(Unsafe.Add(ref w, 4), Unsafe.Add(ref w, 4)), ScalarLanes.Pair(-Unsafe.Add(ref w, 5), Unsafe.Add(ref w, 5)),
                        rotScalar);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly4<TOps, TVec>(
        ref double a, nint pin, ref double o, nint pout, bool twiddle,
        TVec w1r, TVec w1i, TVec w2r, TVec w2i, TVec w3r, TVec w3i, TVec rot)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a0 = TOps.Load(ref a);
        TVec a1 = TOps.Load(ref Unsafe.Add(ref a, pin));
        TVec a2 = TOps.Load(ref Unsafe.Add(ref a, 2 * pin));
        TVec a3 = TOps.Load(ref Unsafe.Add(ref a, 3 * pin));
        if (twiddle)
        {
            a1 = ComplexLanes.Twiddle<TOps, TVec>(a1, w1r, w1i);
            a2 = ComplexLanes.Twiddle<TOps, TVec>(a2, w2r, w2i);
            a3 = ComplexLanes.Twiddle<TOps, TVec>(a3, w3r, w3i);
        }

        TVec t0 = TOps.Add(a0, a2), t1 = TOps.Subtract(a0, a2);
        TVec t2 = TOps.Add(a1, a3), t3 = TOps.Multiply(TOps.Swap(TOps.Subtract(a1, a3)), rot); // rot(a₁ − a₃)
        TOps.Store(TOps.Add(t0, t2), ref o);
        TOps.Store(TOps.Add(t1, t3), ref Unsafe.Add(ref o, pout));
        TOps.Store(TOps.Subtract(t0, t2), ref Unsafe.Add(ref o, 2 * pout));
        TOps.Store(TOps.Subtract(t1, t3), ref Unsafe.Add(ref o, 3 * pout));
    }

    private static void Radix2<TOps, TVec>(
        ref double src, nint srcStride, ref double dst, nint dstStride, nint width, FftStage stage, ref double tw)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        nint l = stage.Length, s1 = stage.Stride, s = 2 * s1;
        nint pin = 2 * s1 * srcStride, pout = 2 * l * s1 * dstStride;
        nint vecEnd = width - (width % TOps.Count);
        for (nint k = 0; k < l; k++)
        {
            ref double w = ref Unsafe.Add(ref tw, stage.TwiddleOffset + (2 * k));
            bool twiddle = k != 0;
            TVec w1r = TOps.Pair(w, w), w1i = TOps.Pair(-Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 1));
            for (nint j = 0; j < s1; j++)
            {
                ref double a = ref Unsafe.Add(ref src, 2 * ((k * s) + j) * srcStride);
                ref double o = ref Unsafe.Add(ref dst, 2 * ((k * s1) + j) * dstStride);
                nint u = 0;
                for (; u < vecEnd; u += TOps.Count)
                {
                    Butterfly2<TOps, TVec>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, w1r, w1i);
                }

                for (; u < width; u++)
                {
                    Butterfly2<ScalarLanes, ScalarComplex>(
                        ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle,
                        ScalarLanes.Pair(w, w), ScalarLanes.Pair(-Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 1)));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly2<TOps, TVec>(ref double a, nint pin, ref double o, nint pout, bool twiddle, TVec w1r, TVec w1i)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a0 = TOps.Load(ref a);
        TVec a1 = TOps.Load(ref Unsafe.Add(ref a, pin));
        if (twiddle)
        {
            a1 = ComplexLanes.Twiddle<TOps, TVec>(a1, w1r, w1i);
        }

        TOps.Store(TOps.Add(a0, a1), ref o);
        TOps.Store(TOps.Subtract(a0, a1), ref Unsafe.Add(ref o, pout));
    }

    private static void Radix3<TOps, TVec>(
        ref double src, nint srcStride, ref double dst, nint dstStride, nint width, FftStage stage, ref double tw, double rotSign)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        nint l = stage.Length, s1 = stage.Stride, s = 3 * s1;
        nint pin = 2 * s1 * srcStride, pout = 2 * l * s1 * dstStride;
        nint vecEnd = width - (width % TOps.Count);
        double sr = rotSign * Sin60;
        TVec rot = TOps.Pair(sr, -sr);
        ScalarComplex rotScalar = ScalarLanes.Pair(sr, -sr);
        for (nint k = 0; k < l; k++)
        {
            ref double w = ref Unsafe.Add(ref tw, stage.TwiddleOffset + (4 * k));
            bool twiddle = k != 0;
            TVec w1r = TOps.Pair(w, w), w1i = TOps.Pair(-Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 1));
            TVec w2r = TOps.Pair(Unsafe.Add(ref w, 2), Unsafe.Add(ref w, 2)), w2i = TOps.Pair(-Unsafe.Add(ref w, 3), Unsafe.Add(ref w, 3));
            for (nint j = 0; j < s1; j++)
            {
                ref double a = ref Unsafe.Add(ref src, 2 * ((k * s) + j) * srcStride);
                ref double o = ref Unsafe.Add(ref dst, 2 * ((k * s1) + j) * dstStride);
                nint u = 0;
                for (; u < vecEnd; u += TOps.Count)
                {
                    Butterfly3<TOps, TVec>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, w1r, w1i, w2r, w2i, rot);
                }

                for (; u < width; u++)
                {
                    Butterfly3<ScalarLanes, ScalarComplex>(
                        ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle,
                        ScalarLanes.Pair(w, w), ScalarLanes.Pair(-Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 1)),
                        ScalarLanes.Pair(Unsafe.Add(ref w, 2), Unsafe.Add(ref w, 2)), ScalarLanes.Pair(-Unsafe.Add(ref w, 3), Unsafe.Add(ref w, 3)),
                        rotScalar);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly3<TOps, TVec>(
        ref double a, nint pin, ref double o, nint pout, bool twiddle, TVec w1r, TVec w1i, TVec w2r, TVec w2i, TVec rot)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a0 = TOps.Load(ref a);
        TVec a1 = TOps.Load(ref Unsafe.Add(ref a, pin));
        TVec a2 = TOps.Load(ref Unsafe.Add(ref a, 2 * pin));
        if (twiddle)
        {
            a1 = ComplexLanes.Twiddle<TOps, TVec>(a1, w1r, w1i);
            a2 = ComplexLanes.Twiddle<TOps, TVec>(a2, w2r, w2i);
        }

        TVec t = TOps.Add(a1, a2);
        TVec m = TOps.MultiplyAdd(t, TOps.Pair(-0.5, -0.5), a0);         // a₀ − t/2
        TVec r = TOps.Multiply(TOps.Swap(TOps.Subtract(a1, a2)), rot);  // (√3/2)·rot(a₁ − a₂)
        TOps.Store(TOps.Add(a0, t), ref o);
        TOps.Store(TOps.Add(m, r), ref Unsafe.Add(ref o, pout));
        TOps.Store(TOps.Subtract(m, r), ref Unsafe.Add(ref o, 2 * pout));
    }

    private static void Radix5<TOps, TVec>(
        ref double src, nint srcStride, ref double dst, nint dstStride, nint width, FftStage stage, ref double tw, double rotSign)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        nint l = stage.Length, s1 = stage.Stride, s = 5 * s1;
        nint pin = 2 * s1 * srcStride, pout = 2 * l * s1 * dstStride;
        nint vecEnd = width - (width % TOps.Count);
        for (nint k = 0; k < l; k++)
        {
            ref double w = ref Unsafe.Add(ref tw, stage.TwiddleOffset + (8 * k));
            bool twiddle = k != 0;
            for (nint j = 0; j < s1; j++)
            {
                ref double a = ref Unsafe.Add(ref src, 2 * ((k * s) + j) * srcStride);
                ref double o = ref Unsafe.Add(ref dst, 2 * ((k * s1) + j) * dstStride);
                nint u = 0;
                for (; u < vecEnd; u += TOps.Count)
                {
                    Butterfly5<TOps, TVec>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, ref w, rotSign);
                }

                for (; u < width; u++)
                {
                    Butterfly5<ScalarLanes, ScalarComplex>(ref Unsafe.Add(ref a, 2 * u), pin, ref Unsafe.Add(ref o, 2 * u), pout, twiddle, ref w, rotSign);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly5<TOps, TVec>(ref double a, nint pin, ref double o, nint pout, bool twiddle, ref double w, double rotSign)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a0 = TOps.Load(ref a);
        TVec a1 = TOps.Load(ref Unsafe.Add(ref a, pin));
        TVec a2 = TOps.Load(ref Unsafe.Add(ref a, 2 * pin));
        TVec a3 = TOps.Load(ref Unsafe.Add(ref a, 3 * pin));
        TVec a4 = TOps.Load(ref Unsafe.Add(ref a, 4 * pin));
        if (twiddle)
        {
            a1 = ComplexLanes.Twiddle<TOps, TVec>(a1, TOps.Pair(w, w), TOps.Pair(-Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 1)));
            a2 = ComplexLanes.Twiddle<TOps, TVec>(a2, TOps.Pair(Unsafe.Add(ref w, 2), Unsafe.Add(ref w, 2)), TOps.Pair(-Unsafe.Add(ref w, 3), Unsafe.Add(ref w, 3)));
            a3 = ComplexLanes.Twiddle<TOps, TVec>(a3, TOps.Pair(Unsafe.Add(ref w, 4), Unsafe.Add(ref w, 4)), TOps.Pair(-Unsafe.Add(ref w, 5), Unsafe.Add(ref w, 5)));
            a4 = ComplexLanes.Twiddle<TOps, TVec>(a4, TOps.Pair(Unsafe.Add(ref w, 6), Unsafe.Add(ref w, 6)), TOps.Pair(-Unsafe.Add(ref w, 7), Unsafe.Add(ref w, 7)));
        }

        TVec t1 = TOps.Add(a1, a4), t2 = TOps.Add(a2, a3);
        TVec d1 = TOps.Swap(TOps.Subtract(a1, a4)), d2 = TOps.Swap(TOps.Subtract(a2, a3));
        TVec m1 = TOps.MultiplyAdd(t2, TOps.Pair(Cos144, Cos144), TOps.MultiplyAdd(t1, TOps.Pair(Cos72, Cos72), a0));
        TVec m2 = TOps.MultiplyAdd(t2, TOps.Pair(Cos72, Cos72), TOps.MultiplyAdd(t1, TOps.Pair(Cos144, Cos144), a0));

        // rot(s₁d₁ + s₂d₂) and rot(s₂d₁ − s₁d₂), with rot(x) = swap(x)·(±1, ∓1) folded into the constants.
        double p1 = rotSign * Sin72, p2 = rotSign * Sin144;
        TVec r1 = TOps.MultiplyAdd(d2, TOps.Pair(p2, -p2), TOps.Multiply(d1, TOps.Pair(p1, -p1)));
        TVec r2 = TOps.MultiplyAdd(d2, TOps.Pair(-p1, p1), TOps.Multiply(d1, TOps.Pair(p2, -p2)));
        TOps.Store(TOps.Add(a0, TOps.Add(t1, t2)), ref o);
        TOps.Store(TOps.Add(m1, r1), ref Unsafe.Add(ref o, pout));
        TOps.Store(TOps.Add(m2, r2), ref Unsafe.Add(ref o, 2 * pout));
        TOps.Store(TOps.Subtract(m2, r2), ref Unsafe.Add(ref o, 3 * pout));
        TOps.Store(TOps.Subtract(m1, r1), ref Unsafe.Add(ref o, 4 * pout));
    }
}
