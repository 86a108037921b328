using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cleaner.Tests.Cli;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, for tests: one request per connection, the
/// response written raw by the test's handler (so that it can lie, stall or stream without a length).
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, Stream, CancellationToken, Task> _handle;
    private readonly CancellationTokenSource _stop = new();

    /// <param name="handle">Writes the response to a request for a path (with its query).</param>
    public LoopbackServer(Func<string, Stream, CancellationToken, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The request heads received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    /// <summary>Writes a response: the status line, the headers given, Connection: close, and the body with its length (or none, the end of the connection ending it).</summary>
    public static async Task Send(Stream stream, string status, string headers, byte[] body, bool length = true)
    {
        var head = $"HTTP/1.1 {status}\r\n{headers}{(length ? $"Content-Length: {body.Length}\r\n" : string.Empty)}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
    }

    public static Task Send(Stream stream, string status, string headers, string body) => Send(stream, status, headers, Encoding.UTF8.GetBytes(body));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                Requests.Enqueue(head);
                await _handle(head.Split(' ')[1], stream, _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (a timeout, a refused body): nothing to answer.
            }
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
