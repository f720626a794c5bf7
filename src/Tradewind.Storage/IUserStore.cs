namespace Tradewind.Storage;

/// <summary>Human users and their sessions.</summary>
public interface IUserStore
{
    /// <summary>Adds a user; false when the username is taken.</summary>
    Task<bool> CreateAsync(UserAccount user, CancellationToken cancellationToken);

    Task<UserAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    Task<UserAccount?> GetAsync(string id, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    Task CreateSessionAsync(UserSession session, CancellationToken cancellationToken);

    Task<UserSession?> FindSessionAsync(string lookup, CancellationToken cancellationToken);

    Task DeleteSessionAsync(string lookup, CancellationToken cancellationToken);

    /// <summary>Removes sessions that expired before <paramref name="nowMs"/>; returns how many.</summary>
    Task<int> DeleteExpiredSessionsAsync(long nowMs, CancellationToken cancellationToken);
}
