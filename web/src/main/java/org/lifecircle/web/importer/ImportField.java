package org.lifecircle.web.importer;

import java.util.List;

/**
 * An attribute an import reads from a column of the file. Each has its option ({@code
 * --name-column=…}, form field {@code name-column}) and the column names tried when the option is
 * not given (case-insensitive, first match wins); they include the names the project's own GeoJSON
 * export writes, so an export imports back without options.
 */
public enum ImportField {
    NAME("name", List.of("name", "名称", "name_zh", "mc")),
    CODE("code", List.of("code", "编码", "代码", "community_code", "社区代码", "dm")),
    SUBDISTRICT("subdistrict", List.of("subdistrict", "subdistrict_name", "street_name", "street", "街道", "街道名称")),
    SUBDISTRICT_CODE("subdistrict-code", List.of("subdistrict_code", "street_code", "街道代码", "街道编码")),
    HOUSEHOLDS("households", List.of("households", "household", "hh", "户数")),
    POPULATION("population", List.of("population", "pop", "人口", "人口数")),
    ELDERLY("elderly", List.of("elderly", "老年人口", "老年人")),
    CHILDREN("children", List.of("children", "儿童", "儿童人口")),
    TYPE("type", List.of("type", "type_code", "类型", "设施类型", "category")),
    FLOOR_AREA("floor-area", List.of("floor_area_m2", "floor_area_square_meters", "floor_area", "建筑面积")),
    CAPACITY("capacity", List.of("capacity", "容量", "规模")),
    OFFICE_AREA("office-area", List.of("office_area_m2", "office_area_square_meters", "office_area", "办公用房面积")),
    SERVICE_AREA("service-area", List.of("service_area_m2", "service_area_square_meters", "service_area", "服务用房面积")),
    STAFF("staff", List.of("staff_count", "staff", "工作人员数"));

    private final String label;
    private final List<String> defaultColumns;

    ImportField(String label, List<String> defaultColumns) {
        this.label = label;
        this.defaultColumns = defaultColumns;
    }

    /** Short name for messages, e.g. {@code floor-area}. */
    String label() {
        return label;
    }

    /** The option that names the column, e.g. {@code floor-area-column}. */
    String option() {
        return label + "-column";
    }

    List<String> defaultColumns() {
        return defaultColumns;
    }
}
