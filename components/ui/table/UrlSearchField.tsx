import { useId, type ComponentProps } from "react";
import { SearchBox } from "./SearchBox";

type Props = {
  /** The URL key the field submits as. */
  name: string;
  /** Its value in the URL. */
  value: string | undefined;
  label: string;
  placeholder?: string;
  hint?: string;
  width?: string;
};

/**
 * A search box of a list's GET filter form (UrlSearchForm), rendered on the server: uncontrolled,
 * so it submits without JavaScript. The clear button is shown for a value and works once the form
 * is bound (url-filters-binding.ts shows and hides it as the text changes).
 */
export function UrlSearchField({ name, value, label, placeholder, hint, width }: Props) {
  const id = useId();
  return (
    <SearchBox
      id={id}
      label={label}
      hint={hint}
      width={width}
      input={{ name, defaultValue: value ?? "", placeholder }}
      clear={{ hidden: !value, "data-clear": name } as ComponentProps<"button">}
    />
  );
}
