export {
    ReplicatedLanguageProject,
    type ReplicatedLanguageProjectArgs,
    type LanguageResourceArgs,
    type EntraIdArgs,
    type TrainingArgs,
    type EvaluationArgs,
    type TimeoutMinutesArgs,
    type PollingArgs,
    type RateLimitsArgs,
    type PromotionArgs,
    type ParityArgs,
} from "./resource";
