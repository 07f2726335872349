using Microsoft.AspNetCore.Http.Features;

namespace Governance.Infrastructure.Http;

/// <summary>
/// HEAD is GET without the body (RFC 9110 §9.3.2): calendar programs and feed readers ask it before they fetch,
/// and link checkers ask nothing else. The endpoints are mapped for GET, so a HEAD request is routed as one and its
/// body discarded here, whatever the server, with the status and headers (ETag, type) of the GET.
/// </summary>
public static class HeadAsGet
{
    /// <summary>Before routing, so the GET endpoint is matched; the request is HEAD again once answered.</summary>
    public static void UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                if (!HttpMethods.IsHead(context.Request.Method))
                {
                    await next(context);
                    return;
                }
                var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
                var discarded = new StreamResponseBodyFeature(Stream.Null, body);
                context.Features.Set<IHttpResponseBodyFeature>(discarded);
                context.Request.Method = HttpMethods.Get;
                try
                {
                    await next(context);
                }
                finally
                {
                    await discarded.CompleteAsync(); // returns its writer's buffers
                    context.Request.Method = HttpMethods.Head;
                    context.Features.Set(body);
                }
            }
        );
}
