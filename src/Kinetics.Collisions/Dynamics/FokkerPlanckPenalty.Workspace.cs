namespace Kinetics.Dynamics;

/// <summary>The workspace of <see cref="FokkerPlanckPenalty"/>.</summary>
internal sealed partial class FokkerPlanckPenalty
{
    /// <summary>Scratch of one <see cref="FokkerPlanckPenalty"/>: the prepared coefficients and the solver's vectors.</summary>
    internal sealed class Workspace
    {
        private readonly FokkerPlanckPenalty _owner;

        public Workspace(FokkerPlanckPenalty owner)
        {
            _owner = owner;
            int s = owner.SpeciesCount, length = owner.Length, largest = owner._n.Max();
            Axes = new AxisCoefficients[s][];
            for (int a = 0; a < s; a++)
            {
                Axes[a] = [new(owner._n[a]), new(owner._n[a]), new(owner._n[a])];
            }

            SqrtM = new double[length];
            Y = new double[length];
            R = new double[length];
            Z = new double[length];
            P = new double[length];
            Q = new double[length];
            Dense = new double[largest * largest];
            Line = new double[largest];
            LineResult = new double[largest];
        }

        public AxisCoefficients[][] Axes { get; }

        public double[] SqrtM { get; }

        public double[] Y { get; }

        public double[] R { get; }

        public double[] Z { get; }

        public double[] P { get; }

        public double[] Q { get; }

        public double[] Dense { get; }

        public double[] Line { get; }

        public double[] LineResult { get; }

        public bool Prepared { get; set; }

        public void Check(FokkerPlanckPenalty owner, bool prepared = false)
        {
            if (!ReferenceEquals(owner, _owner))
            {
                throw new ArgumentException("The workspace belongs to another penalty operator.", nameof(owner));
            }

            if (prepared && !Prepared)
            {
                throw new InvalidOperationException("Prepare the workspace (u, θ) first.");
            }
        }

        /// <summary>One axis of one species: ψ, face coefficients, symmetrised tridiagonal and its eigen-decomposition.</summary>
        internal sealed class AxisCoefficients(int n)
        {
            public double[] Psi { get; } = new double[n];

            public double[] Lo { get; } = new double[Math.Max(n - 1, 0)];

            public double[] Hi { get; } = new double[Math.Max(n - 1, 0)];

            public double[] Off { get; } = new double[Math.Max(n - 1, 0)];

            public double[] Diag { get; } = new double[n];

            public double[] Vectors { get; } = new double[n * n];

            public double[] Values { get; } = new double[n];
        }
    }
}
