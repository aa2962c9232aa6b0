export {
  type PackageDescription,
  type PackageDescriptionError,
  type PackageDescriptionErrorCode,
  type PackageDescriptionResult,
  type PackageLevel,
  parsePackageDescription,
} from './package-description';
export {
  type IngredientStrength,
  parseStrength,
  type StrengthError,
  type StrengthErrorCode,
  type StrengthResult,
} from './strength';
