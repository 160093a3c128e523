export { ReplicatedLanguageProject, type ReplicatedLanguageProjectArgs, type LanguageResourceArgs } from "./resource";
