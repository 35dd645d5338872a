import { useMemo, type ReactNode } from 'react';
import {
  darken,
  defaultCssVariablesResolver,
  lighten,
  mergeMantineTheme,
  MantineThemeProvider,
  useMantineTheme,
  type MantineColorsTuple,
} from '@mantine/core';

export const DEFAULT_PORTAL_COLOUR = '#228be6';

/** Ten shades around the customer's colour, the way Mantine's palettes run (6 is the colour itself). */
export function brandShades(colour: string): MantineColorsTuple {
  const hex = /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : DEFAULT_PORTAL_COLOUR;
  return [
    lighten(hex, 0.92),
    lighten(hex, 0.8),
    lighten(hex, 0.62),
    lighten(hex, 0.45),
    lighten(hex, 0.28),
    lighten(hex, 0.12),
    hex,
    darken(hex, 0.12),
    darken(hex, 0.24),
    darken(hex, 0.36),
  ];
}

/**
 * Re-colours everything inside with the portal's brand colour. Mantine reads the primary colour
 * from CSS variables on :root, so the brand palette is written there too while the portal is open.
 */
export function PortalTheme({ colour, children }: { colour: string; children: ReactNode }) {
  const parent = useMantineTheme();
  const override = useMemo(() => ({ colors: { brand: brandShades(colour) }, primaryColor: 'brand' }), [colour]);
  const css = useMemo(() => {
    const resolved = defaultCssVariablesResolver(mergeMantineTheme(parent, override));
    const wanted = (name: string) =>
      name.startsWith('--mantine-color-brand') || name.startsWith('--mantine-primary-color') || name === '--mantine-color-anchor';
    const lines = Object.entries({ ...resolved.variables, ...resolved.light })
      .filter(([name]) => wanted(name))
      .map(([name, value]) => `${name}: ${value};`);
    // The colour-scheme selector matches the specificity of Mantine's own light-scheme block.
    return `:root, :root[data-mantine-color-scheme] { ${lines.join(' ')} }`;
  }, [parent, override]);
  return (
    <MantineThemeProvider theme={override}>
      <style>{css}</style>
      {children}
    </MantineThemeProvider>
  );
}
