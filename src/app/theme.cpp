#include "theme.hpp"

namespace app {
namespace {

Palette g_palette;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

void light_colors(ImGuiStyle& s) {
  ImGui::StyleColorsLight(&s);
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = rgb(0x1f, 0x29, 0x37);
  c[ImGuiCol_TextDisabled] = rgb(0x6b, 0x72, 0x80);
  c[ImGuiCol_WindowBg] = rgb(0xf6, 0xf7, 0xf9);
  c[ImGuiCol_ChildBg] = rgb(0xff, 0xff, 0xff);
  c[ImGuiCol_PopupBg] = rgb(0xff, 0xff, 0xff);
  c[ImGuiCol_Border] = rgb(0xd9, 0xde, 0xe5);
  c[ImGuiCol_FrameBg] = rgb(0xff, 0xff, 0xff);
  c[ImGuiCol_FrameBgHovered] = rgb(0xee, 0xf3, 0xfb);
  c[ImGuiCol_FrameBgActive] = rgb(0xe1, 0xeb, 0xfa);
  c[ImGuiCol_Button] = rgb(0xe8, 0xee, 0xf7);
  c[ImGuiCol_ButtonHovered] = rgb(0xd3, 0xe1, 0xf6);
  c[ImGuiCol_ButtonActive] = rgb(0xbc, 0xd2, 0xf2);
  c[ImGuiCol_Header] = rgb(0xdc, 0xe8, 0xf9);
  c[ImGuiCol_HeaderHovered] = rgb(0xcb, 0xdd, 0xf6);
  c[ImGuiCol_HeaderActive] = rgb(0xb7, 0xd0, 0xf2);
  c[ImGuiCol_Tab] = rgb(0xe9, 0xed, 0xf2);
  c[ImGuiCol_TabHovered] = rgb(0xd3, 0xe1, 0xf6);
  c[ImGuiCol_TabSelected] = rgb(0xff, 0xff, 0xff);
  c[ImGuiCol_TabSelectedOverline] = rgb(0x25, 0x63, 0xeb);
  c[ImGuiCol_TableHeaderBg] = rgb(0xee, 0xf1, 0xf5);
  c[ImGuiCol_TableBorderStrong] = rgb(0xd0, 0xd6, 0xde);
  c[ImGuiCol_TableBorderLight] = rgb(0xe5, 0xe9, 0xef);
  c[ImGuiCol_TableRowBg] = rgb(0xff, 0xff, 0xff);
  c[ImGuiCol_TableRowBgAlt] = rgb(0xf4, 0xf7, 0xfb);
  c[ImGuiCol_PlotHistogram] = rgb(0x25, 0x63, 0xeb);
  c[ImGuiCol_CheckMark] = rgb(0x25, 0x63, 0xeb);
  c[ImGuiCol_SliderGrab] = rgb(0x25, 0x63, 0xeb);
  c[ImGuiCol_ScrollbarBg] = rgb(0xf1, 0xf3, 0xf6);
  c[ImGuiCol_ScrollbarGrab] = rgb(0xc4, 0xcb, 0xd4);
  c[ImGuiCol_Separator] = rgb(0xd9, 0xde, 0xe5);
  c[ImGuiCol_NavCursor] = rgb(0x25, 0x63, 0xeb);  // the keyboard focus outline, opaque (issue #22 §5)
  g_palette.text_muted = rgb(0x5f, 0x6b, 0x7a);
  g_palette.error = rgb(0xb9, 0x1c, 0x1c);
  g_palette.warning = rgb(0xb4, 0x53, 0x09);
  g_palette.success = rgb(0x15, 0x80, 0x3d);
  g_palette.accent = rgb(0x25, 0x63, 0xeb);
  g_palette.drop_zone = rgb(0x25, 0x63, 0xeb, 0.08f);
  g_palette.canvas_clear = c[ImGuiCol_WindowBg];
}

void dark_colors(ImGuiStyle& s) {
  ImGui::StyleColorsDark(&s);
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = rgb(0xe5, 0xe7, 0xeb);
  c[ImGuiCol_TextDisabled] = rgb(0x9c, 0xa3, 0xaf);
  c[ImGuiCol_WindowBg] = rgb(0x17, 0x1a, 0x21);
  c[ImGuiCol_ChildBg] = rgb(0x1e, 0x22, 0x2b);
  c[ImGuiCol_PopupBg] = rgb(0x22, 0x27, 0x31);
  c[ImGuiCol_Border] = rgb(0x34, 0x3a, 0x46);
  c[ImGuiCol_FrameBg] = rgb(0x26, 0x2b, 0x36);
  c[ImGuiCol_FrameBgHovered] = rgb(0x2f, 0x36, 0x44);
  c[ImGuiCol_FrameBgActive] = rgb(0x36, 0x3f, 0x50);
  c[ImGuiCol_Button] = rgb(0x2b, 0x33, 0x42);
  c[ImGuiCol_ButtonHovered] = rgb(0x35, 0x41, 0x56);
  c[ImGuiCol_ButtonActive] = rgb(0x3f, 0x4d, 0x66);
  c[ImGuiCol_Header] = rgb(0x2c, 0x3b, 0x55);
  c[ImGuiCol_HeaderHovered] = rgb(0x34, 0x47, 0x66);
  c[ImGuiCol_HeaderActive] = rgb(0x3d, 0x53, 0x78);
  c[ImGuiCol_Tab] = rgb(0x22, 0x27, 0x31);
  c[ImGuiCol_TabHovered] = rgb(0x34, 0x47, 0x66);
  c[ImGuiCol_TabSelected] = rgb(0x1e, 0x22, 0x2b);
  c[ImGuiCol_TabSelectedOverline] = rgb(0x60, 0xa5, 0xfa);
  c[ImGuiCol_TableHeaderBg] = rgb(0x26, 0x2b, 0x36);
  c[ImGuiCol_TableRowBg] = rgb(0x1e, 0x22, 0x2b);
  c[ImGuiCol_TableRowBgAlt] = rgb(0x23, 0x28, 0x32);
  c[ImGuiCol_PlotHistogram] = rgb(0x60, 0xa5, 0xfa);
  c[ImGuiCol_CheckMark] = rgb(0x60, 0xa5, 0xfa);
  c[ImGuiCol_NavCursor] = rgb(0x93, 0xc5, 0xfd);  // the keyboard focus outline, opaque (issue #22 §5)
  g_palette.text_muted = rgb(0xa0, 0xa8, 0xb4);
  g_palette.error = rgb(0xf8, 0x71, 0x71);
  g_palette.warning = rgb(0xfb, 0xbf, 0x24);
  g_palette.success = rgb(0x4a, 0xde, 0x80);
  g_palette.accent = rgb(0x60, 0xa5, 0xfa);
  g_palette.drop_zone = rgb(0x60, 0xa5, 0xfa, 0.10f);
  g_palette.canvas_clear = c[ImGuiCol_WindowBg];
}

}  // namespace

void apply_theme(Theme theme, float dpr, int text_size, bool touch) {
  ImGuiStyle s;  // fresh defaults: ScaleAllSizes below must apply to unscaled sizes
  if (theme == Theme::dark) dark_colors(s);
  else light_colors(s);
  s.WindowPadding = ImVec2(14, 12);
  s.FramePadding = ImVec2(10, 6);
  s.CellPadding = ImVec2(8, 4);
  s.ItemSpacing = ImVec2(10, 8);
  s.ItemInnerSpacing = ImVec2(6, 6);
  s.ScrollbarSize = 14;
  s.GrabMinSize = 12;
  s.WindowRounding = 0;
  s.ChildRounding = 6;
  s.FrameRounding = 5;
  s.PopupRounding = 5;
  s.ScrollbarRounding = 6;
  s.GrabRounding = 4;
  s.TabRounding = 5;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 1;
  s.FrameBorderSize = 1;
  s.TabBarBorderSize = 1;
  if (touch) {  // a fingertip is about 9 mm: frames and grabs a finger can hit and hold
    s.FramePadding = ImVec2(12, 10);
    s.GrabMinSize = 22;
    s.ScrollbarSize = 18;
    s.TouchExtraPadding = ImVec2(2, 2);
  }
  const float text = kTextSizeScale[text_size < 0 || text_size > 2 ? 0 : text_size];
  s.FontSizeBase = kBodyFontPx;
  s.ScaleAllSizes(dpr * text);
  s.FontScaleDpi = dpr * text;
  ImGui::GetStyle() = s;
}

const Palette& palette() { return g_palette; }

}  // namespace app
