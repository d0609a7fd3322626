namespace Kinetics.Boltzmann;

/// <summary>The outgoing velocities (v', v*') of a binary collision; v' belongs to species α, v*' to species β.</summary>
/// <param name="Velocity">v', the post-collision velocity of the particle of species α.</param>
/// <param name="PartnerVelocity">v*', the post-collision velocity of the partner of species β.</param>
public readonly record struct PostCollisionVelocities(Velocity3 Velocity, Velocity3 PartnerVelocity);
