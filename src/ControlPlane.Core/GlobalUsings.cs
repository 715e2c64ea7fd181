// Serialization attributes only ([GenerateSerializer], [Id], [Immutable]); Core never calls Orleans.
global using Orleans;
