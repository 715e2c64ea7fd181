using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Tests.Signals;

public class PrometheusVectorTests
{
    private const string TwoSeries = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"namespace":"risk","pod":"fraud-mm-7d9f8b6c4-x2k9z"},"value":[1795694400.25,"93"]},
          {"metric":{"namespace":"risk","pod":"scorer-5c6d7e8f9-abcde"},"value":[1795694400.25,"12.5"]}]}}
        """;

    [Fact]
    public void Parse_Vector_GivesEachSeriesWithLabelsTimestampAndValue()
    {
        var (series, error) = PrometheusVector.Parse(TwoSeries);

        Assert.Null(error);
        Assert.Equal(2, series.Count);
        Assert.Equal("fraud-mm-7d9f8b6c4-x2k9z", series[0].Labels["pod"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_694_400_250), series[0].Timestamp);
        Assert.Equal(93, series[0].Value);
        Assert.Equal(12.5, series[1].Value);
    }

    [Fact]
    public void Parse_EmptyVector_GivesNoSeriesAndNoError()
    {
        var (series, error) = PrometheusVector.Parse("""{"status":"success","data":{"resultType":"vector","result":[]}}""");

        Assert.Null(error);
        Assert.Empty(series);
    }

    public static readonly TheoryData<string, double> SpecialValues = new()
    {
        { "NaN", double.NaN },
        { "+Inf", double.PositiveInfinity },
        { "-Inf", double.NegativeInfinity },
        { "1e2", 100 },
    };

    [Theory]
    [MemberData(nameof(SpecialValues))]
    public void Parse_PrometheusValueSpelling_IsRead(string text, double expected)
    {
        var (series, error) = PrometheusVector.Parse($$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"{{{text}}}"]}]}}""");

        Assert.Null(error);
        Assert.Equal(expected, Assert.Single(series).Value);
    }

    public static readonly TheoryData<string, string> BadBodies = new()
    {
        { "not json", "not JSON" },
        { "[]", "status" },
        { """{"status":"error","errorType":"bad_data","error":"parse error at char 4"}""", "bad_data: parse error at char 4" },
        { """{"status":"success"}""", "data" },
        { """{"status":"success","data":{"resultType":"scalar","result":[1,"2"]}}""", "instant vector, not a scalar" },
        { """{"status":"success","data":{"resultType":"matrix","result":[]}}""", "instant vector, not a matrix" },
        { """{"status":"success","data":{"resultType":"vector"}}""", "result" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"high"]}]}}""", "malformed" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1]}]}}""", "malformed" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"pod":3},"value":[1,"2"]}]}}""", "malformed" },
        { """{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"2"]}]}}""", "malformed" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void Parse_BadBody_GivesNoSeriesAndSaysWhy(string body, string expected)
    {
        var (series, error) = PrometheusVector.Parse(body);

        Assert.Empty(series);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
