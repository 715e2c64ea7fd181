namespace ControlPlane.Policies.Tests;

public sealed class ResourceNamesTests
{
    [Theory]
    [InlineData("Deployment", "deployments")]
    [InlineData("Service", "services")]
    [InlineData("ConfigMap", "configmaps")]
    [InlineData("Ingress", "ingresses")]
    [InlineData("NetworkPolicy", "networkpolicies")]
    [InlineData("Endpoints", "endpoints")]
    [InlineData("Gateway", "gateways")]
    [InlineData("HTTPRoute", "httproutes")]
    [InlineData("Kustomization", "kustomizations")]
    public void ResourceOf_Kind_IsTheLowerCasePlural(string kind, string resource)
    {
        Assert.Equal(resource, ResourceNames.ResourceOf(kind));
    }

    [Theory]
    [InlineData("deployments", "Deployment")]
    [InlineData("horizontalpodautoscalers", "HorizontalPodAutoscaler")]
    [InlineData("widgets", "widgets")]
    public void KindOf_Resource_IsTheKindWhenKnown(string resource, string kind)
    {
        Assert.Equal(kind, ResourceNames.KindOf(resource));
    }
}
