using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Tradewind.Server.Dashboard;

/// <summary>
/// The report page's files, embedded in the assembly (Dashboard/assets/**). Each carries a content hash that the page
/// puts in its asset URLs (<c>?v=</c>), so a browser may cache them for a year and still picks up a new build at once.
/// </summary>
internal sealed class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardAsset> _assets;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} cannot be opened.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var path = name[Prefix.Length..].Replace('\\', '/');
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType);
            assets[path] = new DashboardAsset(path, bytes, contentType, hash);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A file the browser may fetch under <c>/dashboard/assets/</c>: scripts, styles and the vendored licence, not the page templates.</summary>
    public DashboardAsset? FindPublic(string path) =>
        _assets.TryGetValue(path, out var asset) && asset.ContentType is not null ? asset : null;

    /// <summary>A page template (report.html, not-found.html) as text.</summary>
    public string Template(string name) =>
        _assets.TryGetValue(name, out var asset)
            ? System.Text.Encoding.UTF8.GetString(asset.Content)
            : throw new InvalidOperationException($"The dashboard template {name} is not embedded; check the EmbeddedResource item in Tradewind.Server.csproj.");

    /// <summary>The versioned URL of an asset, relative to the dashboard's base (e.g. <c>assets/report.js?v=3f2a...</c>).</summary>
    public string VersionedPath(string path) =>
        _assets.TryGetValue(path, out var asset)
            ? "assets/" + path + "?v=" + asset.Hash
            : throw new InvalidOperationException($"The dashboard asset {path} is not embedded.");
}
