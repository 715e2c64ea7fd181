using ControlPlane.Silo.Security;
using ControlPlane.Silo.Ui;

namespace ControlPlane.Silo.Api;

/// <summary>Maps every endpoint of the v1 contract.</summary>
public static class ControlPlaneApi
{
    public static WebApplication MapControlPlane(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseControlPlaneSecurity();
        app.MapHealthApi().MapModelsApi().MapRolloutsApi().MapBudgetsApi().MapClustersApi().MapSignalsApi().MapDecisionsApi().MapGitOpsApi().MapPoliciesApi().MapKeysApi().MapRecommendationsApi().MapUiApi();
        return app;
    }
}
