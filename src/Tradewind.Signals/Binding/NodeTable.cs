namespace Tradewind.Signals.Binding;

/// <summary>
/// Hash-conses bound nodes: asking for a node equal to one already made returns the existing one. Node ids are
/// creation order, which is a topological order (children first).
/// </summary>
internal sealed class NodeTable
{
    private readonly Dictionary<string, BoundNode> _byKey = new(StringComparer.Ordinal);
    private readonly List<BoundNode> _nodes = [];

    public IReadOnlyList<BoundNode> Nodes => _nodes;

    public int Count => _nodes.Count;

    public T Intern<T>(T node)
        where T : BoundNode
    {
        if (node is ErrorNode)
        {
            return node;
        }

        var key = node.Key;
        if (_byKey.TryGetValue(key, out var existing))
        {
            return (T)existing;
        }

        node.Id = _nodes.Count;
        _nodes.Add(node);
        _byKey.Add(key, node);
        return node;
    }
}
