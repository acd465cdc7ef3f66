namespace CampusKonseling.Host.Setup.Demo.Texts;

public static class RandomExtensions
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    public static double Between(this Random rng, double min, double max) => min + rng.NextDouble() * (max - min);

    /// <summary>A seed from text that stays the same across runs and machines (string.GetHashCode does not).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash & 0x7fffffff;
        }
    }
}
