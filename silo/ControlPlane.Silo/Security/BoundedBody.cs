using Microsoft.AspNetCore.Http.Metadata;

namespace ControlPlane.Silo.Security;

/// <summary>Holds every request body to its endpoint's limit: a declared length over it is refused before reading, a longer stream fails as it is read.</summary>
public static class BoundedBody
{
    public static IApplicationBuilder UseBoundedBodies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit)
        {
            if (context.Request.ContentLength > limit)
            {
                await Api.Problems.TooLarge(TooLarge(limit)).ExecuteAsync(context);
                return;
            }
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }
        await next(context);
    });

    public static string TooLarge(long limit) => $"the body is larger than the {limit} bytes this endpoint accepts.";

    /// <summary>Reads through to the body and throws Kestrel's own 413 exception past the limit.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BadHttpRequestException(TooLarge(limit), StatusCodes.Status413PayloadTooLarge) : read;
        }
    }
}
