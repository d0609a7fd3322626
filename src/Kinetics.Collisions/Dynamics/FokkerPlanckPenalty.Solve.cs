namespace Kinetics.Dynamics;

/// <summary>The conjugate-gradient solve of <see cref="FokkerPlanckPenalty"/> and its preconditioners.</summary>
internal sealed partial class FokkerPlanckPenalty
{
    /// <summary>
    /// Solves (I − cP)x = <paramref name="rhs"/> by preconditioned conjugate gradients in L²(1/M̃) (Euclidean in y = x/M̃^{1/2}),
    /// stopping when the residual of the symmetrised system is at most <paramref name="tolerance"/> times its right-hand side.
    /// </summary>
    /// <returns>The iterations used.</returns>
    /// <exception cref="InvalidOperationException">The tolerance was not reached within <paramref name="budget"/> iterations.</exception>
    public int Solve(double c, ReadOnlySpan<double> rhs, Span<double> x, Workspace workspace, double tolerance, int budget, Preconditioner preconditioner = Preconditioner.FastDiagonal)
    {
        workspace.Check(this, prepared: true);
        Guard.NonNegative(c);
        Guard.Length(rhs.Length, Length, nameof(rhs));
        Guard.Length(x.Length, Length, nameof(x));
        int length = Length;
        double[] sqrtM = workspace.SqrtM, y = workspace.Y, r = workspace.R, z = workspace.Z, p = workspace.P, q = workspace.Q;
        double bNorm = 0;
        for (int i = 0; i < length; i++)
        {
            r[i] = rhs[i] / sqrtM[i];
            bNorm += r[i] * r[i];
        }

        bNorm = Math.Sqrt(bNorm);
        Array.Clear(y);
        if (bNorm == 0)
        {
            x.Clear();
            return 0;
        }

        Precondition(c, r, z, workspace, preconditioner);
        z.CopyTo(p, 0);
        double rz = Dot(r, z), residual = bNorm;
        int iteration = 0;
        while (true)
        {
            if (iteration >= budget)
            {
                throw new InvalidOperationException(
                    $"The Fokker–Planck penalty solve did not reach the relative residual {tolerance:G3} in {budget} conjugate-gradient iterations (residual {residual / bNorm:G3}); raise StiffOptions.PenaltyIterations.");
            }

            iteration++;
            Symmetrised(c, p, q, workspace);
            double alpha = rz / Dot(p, q);
            residual = 0;
            for (int i = 0; i < length; i++)
            {
                y[i] += alpha * p[i];
                r[i] -= alpha * q[i];
                residual += r[i] * r[i];
            }

            residual = Math.Sqrt(residual);
            if (residual <= tolerance * bNorm)
            {
                break;
            }

            Precondition(c, r, z, workspace, preconditioner);
            double next = Dot(r, z), beta = next / rz;
            rz = next;
            for (int i = 0; i < length; i++)
            {
                p[i] = z[i] + (beta * p[i]);
            }
        }

        for (int i = 0; i < length; i++)
        {
            x[i] = sqrtM[i] * y[i];
        }

        return iteration;
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    // q = (I − c(T_x ⊕ T_y ⊕ T_z)) p per species, in the symmetrised variables.
    private void Symmetrised(double c, double[] p, double[] q, Workspace workspace)
    {
        for (int a = 0; a < SpeciesCount; a++)
        {
            int n = _n[a], offset = _offsets[a], count = n * n * n;
            Span<double> pa = p.AsSpan(offset, count), qa = q.AsSpan(offset, count);
            pa.CopyTo(qa);
            for (int d = 0; d < 3; d++)
            {
                var axis = workspace.Axes[a][d];
                int stride = d == 0 ? n * n : d == 1 ? n : 1;
                for (int o = 0; o < n; o++)
                {
                    for (int t = 0; t < n; t++)
                    {
                        int start = LineStart(d, n, o, t);
                        for (int k = 0; k < n; k++)
                        {
                            int i = start + (k * stride);
                            double value = axis.Diag[k] * pa[i];
                            if (k > 0)
                            {
                                value += axis.Off[k - 1] * pa[i - stride];
                            }

                            if (k + 1 < n)
                            {
                                value += axis.Off[k] * pa[i + stride];
                            }

                            qa[i] -= c * value;
                        }
                    }
                }
            }
        }
    }

    private void Precondition(double c, double[] r, double[] z, Workspace workspace, Preconditioner preconditioner)
    {
        for (int a = 0; a < SpeciesCount; a++)
        {
            int n = _n[a], offset = _offsets[a], count = n * n * n;
            Span<double> ra = r.AsSpan(offset, count), za = z.AsSpan(offset, count);
            var (ax, ay, az) = (workspace.Axes[a][0], workspace.Axes[a][1], workspace.Axes[a][2]);
            if (preconditioner == Preconditioner.Jacobi)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        for (int k = 0; k < n; k++)
                        {
                            int index = (((i * n) + j) * n) + k;
                            za[index] = ra[index] / (1.0 - (c * (ax.Diag[i] + ay.Diag[j] + az.Diag[k])));
                        }
                    }
                }

                continue;
            }

            ra.CopyTo(za);
            for (int d = 0; d < 3; d++)
            {
                Transform(workspace.Axes[a][d].Vectors, n, transpose: true, za, d, workspace.Line, workspace.LineResult);
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    for (int k = 0; k < n; k++)
                    {
                        za[(((i * n) + j) * n) + k] /= 1.0 - (c * (ax.Values[i] + ay.Values[j] + az.Values[k]));
                    }
                }
            }

            for (int d = 0; d < 3; d++)
            {
                Transform(workspace.Axes[a][d].Vectors, n, transpose: false, za, d, workspace.Line, workspace.LineResult);
            }
        }
    }

    // data ← (Q or Qᵀ) applied along axis d of the n³ block.
    private static void Transform(double[] q, int n, bool transpose, Span<double> data, int d, double[] line, double[] result)
    {
        int stride = d == 0 ? n * n : d == 1 ? n : 1;
        for (int o = 0; o < n; o++)
        {
            for (int t = 0; t < n; t++)
            {
                int start = LineStart(d, n, o, t);
                for (int k = 0; k < n; k++)
                {
                    line[k] = data[start + (k * stride)];
                }

                for (int i = 0; i < n; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < n; j++)
                    {
                        sum += (transpose ? q[(j * n) + i] : q[(i * n) + j]) * line[j];
                    }

                    result[i] = sum;
                }

                for (int k = 0; k < n; k++)
                {
                    data[start + (k * stride)] = result[k];
                }
            }
        }
    }
}
